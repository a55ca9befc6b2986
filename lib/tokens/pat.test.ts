import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, personalAccessTokens, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { createPersonalAccessToken } from "./pat";
import { resolvePatActor } from "./resolve";
import { PAT_PATTERN } from "./schema";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);

describe("personal access tokens", () => {
  it("are gth_pat_ + 43 base62 characters, shown once, stored only as sha256, and audited", async () => {
    const user = await createTestUser();
    const created = await createPersonalAccessToken(await actorFor(user), user.id, { name: "laptop" });
    expect(created.token).toMatch(PAT_PATTERN);
    expect(created.prefix).toBe(created.token.slice(0, 14));
    const db = await getDb();
    const [row] = await db.select().from(personalAccessTokens).where(eq(personalAccessTokens.id, created.id));
    expect(row.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "token.create"));
    expect(JSON.stringify(event)).not.toContain(created.token);
    const owner = await actorFor(user);
    const tokens = new Set(await Promise.all(Array.from({ length: 50 }, () => createPersonalAccessToken(owner, user.id, { name: "n" }).then((t) => t.token))));
    expect(tokens.size).toBe(50);
  });

  it("authenticate their owner on every use, and stop when the owner is deactivated, expired or locked", async () => {
    const user = await createTestUser();
    const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "ci" });
    const actor = await resolvePatActor(token, NO_META);
    expect(actor).toMatchObject({ kind: "token", userId: user.id, tokenScopes: null });
    const db = await getDb();
    for (const change of [{ isActive: false }, { dateExpired: new Date(Date.now() - 1) }, { lockedUntil: new Date(Date.now() + 60_000) }]) {
      await db.update(users).set(change).where(eq(users.id, user.id));
      expect(await resolvePatActor(token, NO_META)).toBeNull();
      await db.update(users).set({ isActive: true, dateExpired: null, lockedUntil: null }).where(eq(users.id, user.id));
    }
    expect(await resolvePatActor(token, NO_META)).not.toBeNull();
  });

  it("are refused once expired, and when unknown or malformed", async () => {
    const user = await createTestUser();
    const { token, id } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "short" });
    const db = await getDb();
    await db.update(personalAccessTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(personalAccessTokens.id, id));
    expect(await resolvePatActor(token, NO_META)).toBeNull();
    expect(await resolvePatActor(`gth_pat_${"A".repeat(43)}`, NO_META)).toBeNull();
    expect(await resolvePatActor("gth_pat_short", NO_META)).toBeNull();
  });

  it("record the last use without writing on every request", async () => {
    const user = await createTestUser();
    const { token, id } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "used" });
    await resolvePatActor(token, { ...NO_META, ip: "198.51.100.7" });
    const db = await getDb();
    const [first] = await db.select().from(personalAccessTokens).where(eq(personalAccessTokens.id, id));
    expect(first).toMatchObject({ lastUsedIp: "198.51.100.7" });
    await resolvePatActor(token, { ...NO_META, ip: "198.51.100.8" });
    const [second] = await db.select().from(personalAccessTokens).where(eq(personalAccessTokens.id, id));
    expect(second.lastUsedAt).toEqual(first.lastUsedAt);
    expect(second.lastUsedIp).toBe("198.51.100.7");
  });

  it("can be created for someone else only with users.manage_tokens", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    expect(await codeOf(createPersonalAccessToken(await actorFor(alice), bob.id, { name: "steal" }))).toBe("forbidden");
    const db = await getDb();
    expect(await db.select().from(personalAccessTokens).where(eq(personalAccessTokens.userId, bob.id))).toHaveLength(0);
    const manager = await createTestUser();
    await grantSystemRole(manager.id, "system_admin");
    expect(await codeOf(createPersonalAccessToken(await actorFor(manager), bob.id, { name: "ok" }))).toBe("ok");
  });

  it("never carry scopes beyond the owner's permissions, nor beyond the token that creates them", async () => {
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const auditorActor = await actorFor(auditor);
    expect(await codeOf(createPersonalAccessToken(auditorActor, auditor.id, { name: "ro", scopes: ["users.view"] }))).toBe("ok");
    expect(await codeOf(createPersonalAccessToken(auditorActor, auditor.id, { name: "rw", scopes: ["users.delete"] }))).toBe("validation");
    expect(await codeOf(createPersonalAccessToken(auditorActor, auditor.id, { name: "bad", scopes: ["no.such"] }))).toBe("validation");

    const admin = await adminUser();
    const narrow = await createPersonalAccessToken(await actorFor(admin), admin.id, { name: "narrow", scopes: ["users.view", "users.manage_tokens"] });
    const tokenActor = (await resolvePatActor(narrow.token, NO_META))!;
    expect(await codeOf(createPersonalAccessToken(tokenActor, admin.id, { name: "wider", scopes: ["users.delete"] }))).toBe("validation");
    const inherited = await createPersonalAccessToken(tokenActor, admin.id, { name: "same" });
    expect(inherited.scopes).toEqual(["users.view", "users.manage_tokens"]);
  });

  it("validate name and expiry", async () => {
    const user = await createTestUser();
    const actor = await actorFor(user);
    expect(await codeOf(createPersonalAccessToken(actor, user.id, { name: " " }))).toBe("validation");
    expect(await codeOf(createPersonalAccessToken(actor, user.id, { name: "x", expires_in_days: 366 }))).toBe("validation");
    expect(await codeOf(createPersonalAccessToken(actor, user.id, { name: "x", expires_in_days: 0 }))).toBe("validation");
  });
});
