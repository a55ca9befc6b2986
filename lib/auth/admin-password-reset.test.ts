import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { passwordResetTokens } from "@/db/schema";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { env } from "../env";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { sendPasswordResetLink } from "./admin-password-reset";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("sendPasswordResetLink", () => {
  it("mails a 30-minute single-use link built from APP_URL and returns it to the admin", async () => {
    const user = await createTestUser();
    const result = await sendPasswordResetLink(await actorFor(await adminUser()), user.id);
    expect(new URL(result.reset_url).origin).toBe(new URL(env.APP_URL).origin);
    expect(result.mailed).toBe(true);
    const minutes = (new Date(result.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const db = await getDb();
    const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(row.tokenHash).toBe(sha256Hex(result.reset_url.split("/").pop()!));
  });

  it("needs users.reset_password, and refuses federated users and service accounts with 409", async () => {
    const user = await createTestUser();
    expect(await codeOf(sendPasswordResetLink(await actorFor(await createTestUser()), user.id))).toBe("forbidden");
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    expect(await codeOf(sendPasswordResetLink(await actorFor(auditor), user.id))).toBe("forbidden");
    const admin = await actorFor(await adminUser());
    expect(await codeOf(sendPasswordResetLink(admin, (await createTestUser({ authSource: "corp-ldap", passwordHash: null })).id))).toBe("conflict");
    expect(await codeOf(sendPasswordResetLink(admin, (await createTestUser({ isServiceAccount: true })).id))).toBe("conflict");
    const db = await getDb();
    expect(await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toHaveLength(0);
  });
});
