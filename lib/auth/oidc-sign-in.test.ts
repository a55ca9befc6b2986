import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "@/db/schema";
import { createAuthSource, updateAuthSource } from "../auth-sources/mutations";
import { getDb } from "../db";
import { actorFor, adminUser, createTestUser } from "../testing/factories";
import { NO_META } from "./actor";
import { signInWithOidc } from "./oidc-sign-in";

const SLUG = "corp-sso";
const meta = { ...NO_META, ip: "198.51.100.44", userAgent: "vitest" };
let sourceId: string;

beforeAll(async () => {
  const source = await createAuthSource(await actorFor(await adminUser()), {
    slug: SLUG,
    name: "Corp SSO",
    type: "oidc",
    enabled: true,
    // A claim mapping that differs from the defaults, to prove it is followed.
    config: { issuer: "http://127.0.0.1:9/issuer", client_id: "gatehouse", button_label: "Corp SSO", claim_username: "login", claim_phone: "mobile" },
    secrets: { client_secret: "s" },
  });
  sourceId = source.id;
});

const byExternalId = async (sub: string) => (await (await getDb()).select().from(users).where(and(eq(users.authSource, SLUG), eq(users.externalId, sub))))[0];

describe("signInWithOidc", () => {
  it("creates the user just in time with auth_source = slug and the mapped claims, then opens a session row", async () => {
    const outcome = await signInWithOidc(SLUG, { sub: "u-100", email: "Olivia@Corp.Test", email_verified: true, login: "olivia", given_name: "Olivia", family_name: "Oak", name: "Olivia Oak", mobile: "+14155550123" }, meta);
    expect(outcome).toMatchObject({ stage: "active" });
    const user = await byExternalId("u-100");
    expect(user).toMatchObject({ username: "olivia", email: "olivia@corp.test", firstName: "Olivia", lastName: "Oak", name: "Olivia Oak", phone: "+14155550123", passwordHash: null, mustChangePassword: false });
    const db = await getDb();
    const [session] = await db.select().from(sessions).where(eq(sessions.id, (outcome as { sessionId: string }).sessionId));
    expect(session).toMatchObject({ userId: user.id, authSource: SLUG, methods: ["oidc"], ip: "198.51.100.44" });

    const again = await signInWithOidc(SLUG, { sub: "u-100", email: "olivia@corp.test", login: "olivia", name: "Olivia Oak-Smith" }, meta);
    expect(again).toMatchObject({ stage: "active" });
    expect(await byExternalId("u-100")).toMatchObject({ id: user.id, name: "Olivia Oak-Smith" });
  });

  it("refuses an email held by an account of another source, changing nothing", async () => {
    const local = await createTestUser({ email: "paul@corp.test" });
    expect(await signInWithOidc(SLUG, { sub: "u-200", email: "paul@corp.test" }, meta)).toEqual({ refused: "email_taken" });
    const db = await getDb();
    const [after] = await db.select().from(users).where(eq(users.id, local.id));
    expect(after).toMatchObject({ authSource: "internal", externalId: null });
    expect(await byExternalId("u-200")).toBeUndefined();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "failure"))).orderBy(auditEvents.id);
    expect(event).toBeDefined();
  });

  it("refuses a second identity of the same source claiming a linked user's email", async () => {
    await signInWithOidc(SLUG, { sub: "u-300", email: "quinn@corp.test" }, meta);
    expect(await signInWithOidc(SLUG, { sub: "u-301", email: "quinn@corp.test" }, meta)).toEqual({ refused: "email_taken" });
  });

  it("links a user an admin pre-created for this source, by email; a federated user is never sent to change a password", async () => {
    const pre = await createTestUser({ email: "rita@corp.test", authSource: SLUG, passwordHash: null, mustChangePassword: true });
    expect(await signInWithOidc(SLUG, { sub: "u-400", email: "rita@corp.test" }, meta)).toMatchObject({ stage: "active" });
    expect(await byExternalId("u-400")).toMatchObject({ id: pre.id });
  });

  it("refuses inactive, expired, service and locked accounts, missing and unverified emails", async () => {
    const db = await getDb();
    await signInWithOidc(SLUG, { sub: "u-500", email: "sam@corp.test" }, meta);
    const sam = await byExternalId("u-500");
    for (const change of [{ isActive: false }, { dateExpired: new Date(Date.now() - 1) }, { isServiceAccount: true }, { lockedUntil: new Date(Date.now() + 60_000) }]) {
      await db.update(users).set(change).where(eq(users.id, sam.id));
      expect(await signInWithOidc(SLUG, { sub: "u-500", email: "sam@corp.test" }, meta)).toEqual({ refused: "account_refused" });
      await db.update(users).set({ isActive: true, dateExpired: null, isServiceAccount: false, lockedUntil: null }).where(eq(users.id, sam.id));
    }
    expect(await db.select().from(sessions).where(eq(sessions.userId, sam.id))).toHaveLength(1);
    expect(await signInWithOidc(SLUG, { sub: "u-600" }, meta)).toEqual({ refused: "missing_email" });
    expect(await signInWithOidc(SLUG, { sub: "u-601", email: "tom@corp.test", email_verified: false }, meta)).toEqual({ refused: "email_unverified" });
    expect(await signInWithOidc(SLUG, { email: "nosub@corp.test" }, meta)).toEqual({ refused: "provider_failed" });
  });

  it("refuses a disabled or unknown source", async () => {
    await updateAuthSource(await actorFor(await adminUser()), sourceId, { enabled: false });
    expect(await signInWithOidc(SLUG, { sub: "u-100", email: "olivia@corp.test" }, meta)).toEqual({ refused: "provider_failed" });
    await updateAuthSource(await actorFor(await adminUser()), sourceId, { enabled: true });
    expect(await signInWithOidc("nope", { sub: "u-100", email: "olivia@corp.test" }, meta)).toEqual({ refused: "provider_failed" });
  });
});
