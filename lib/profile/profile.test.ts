import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, userAttributes, users } from "@/db/schema";
import { createAttributeDefinition } from "../attributes/definitions";
import { getDb } from "../db";
import { actorFor, adminUser, createTestUser, uniqueName } from "../testing/factories";
import { updateOwnAttributes, listOwnAttributes } from "./attributes";
import { getOwnProfile, updateOwnProfile } from "./profile";
import { REAUTH_WINDOW_MINUTES } from "./schema";
import { authenticatedMinutesAgo, signedIn } from "./test-helpers";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const N = REAUTH_WINDOW_MINUTES;

async function stored(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

describe("the profile", () => {
  it("lets a person change their names at any time, audited as a self-service change", async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    await authenticatedMinutesAgo(sessionId, N + 30);
    const profile = await updateOwnProfile(actor, { first_name: "Ada", last_name: "Lovelace", name: "Ada L." });
    expect(profile).toMatchObject({ first_name: "Ada", last_name: "Lovelace", name: "Ada L.", has_local_password: true });
    expect(JSON.stringify(profile)).not.toMatch(/password_hash|\$argon2/);
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.profile_update"), eq(auditEvents.targetId, user.id)));
    expect(event.diff).toMatchObject({ first_name: { before: "", after: "Ada" } });
    expect(await getOwnProfile(actor)).toEqual(profile);
  });

  it("refuses fields a person may not set on themselves, changing nothing", async () => {
    const user = await createTestUser();
    const { actor } = await signedIn(user);
    for (const crafted of [{ is_admin: true }, { username: "root" }, { is_active: false }, { mfa_policy: "disabled" }, { first_name: "X", is_service_account: true }]) {
      await expect(updateOwnProfile(actor, crafted as never)).rejects.toMatchObject({ code: "validation" });
    }
    expect(await stored(user.id)).toMatchObject({ isAdmin: false, username: user.username, firstName: "", isServiceAccount: false });
  });

  it(`asks for re-authentication before changing email or phone ${N + 1} minutes after sign-in, not ${N - 1}`, async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    const email = `${uniqueName("new")}@example.test`;
    for (const change of [{ email }, { phone: "+14155550123" }]) {
      await authenticatedMinutesAgo(sessionId, N + 1);
      await expect(updateOwnProfile(actor, change)).rejects.toMatchObject({ code: "unauthenticated", details: { fieldErrors: { reauthentication: expect.any(Array) } } });
      expect(await stored(user.id)).toMatchObject({ email: user.email, phone: null });
    }
    await authenticatedMinutesAgo(sessionId, N - 1);
    await updateOwnProfile(actor, { email, phone: "+14155550123" });
    expect(await stored(user.id)).toMatchObject({ email, phone: "+14155550123" });
  });

  it("refuses an email another account uses, and any edit by a token", async () => {
    const other = await createTestUser();
    const user = await createTestUser();
    const { actor } = await signedIn(user);
    expect(await codeOf(updateOwnProfile(actor, { email: other.email.toUpperCase() }))).toBe("conflict");
    const token = { ...actor, kind: "token" as const, sessionId: undefined, tokenId: "t", tokenScopes: null };
    expect(await codeOf(updateOwnProfile(token, { first_name: "Bot" }))).toBe("forbidden");
    expect(await codeOf(getOwnProfile(token))).toBe("ok");
    expect((await stored(user.id)).firstName).toBe("");
  });
});

describe("own attributes", () => {
  it("shows only user-editable attributes and refuses the others even in a crafted request", async () => {
    const admin = await actorFor(await adminUser());
    const tag = uniqueName("p");
    const editable = await createAttributeDefinition(admin, { key: `${tag}_room`, label: "Room", type: "text", user_editable: true });
    const locked = await createAttributeDefinition(admin, { key: `${tag}_cost_center`, label: "Cost center", type: "text" });
    const user = await createTestUser();
    const { actor } = await signedIn(user);

    const listed = (await listOwnAttributes(actor)).map((a) => a.key);
    expect(listed).toContain(editable.key);
    expect(listed).not.toContain(locked.key);

    await expect(updateOwnAttributes(actor, { [editable.key]: "B-12", [locked.key]: "CC-1" })).rejects.toMatchObject({
      code: "validation",
      details: { fieldErrors: { [`values.${locked.key}`]: expect.any(Array) } },
    });
    const db = await getDb();
    expect(await db.select().from(userAttributes).where(eq(userAttributes.userId, user.id))).toHaveLength(0);

    const saved = await updateOwnAttributes(actor, { [editable.key]: "B-12" });
    expect(saved.find((a) => a.key === editable.key)?.value).toBe("B-12");
    expect(saved.map((a) => a.key)).not.toContain(locked.key);
  });
});
