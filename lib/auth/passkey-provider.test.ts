import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { getDb } from "../db";
import { passkeyLoginOptions } from "../mfa/passkey-authenticate";
import { passkeyUser } from "../mfa/passkey-test-helpers";
import type { SoftAuthenticator } from "../mfa/testing/soft-authenticator";
import { authorizePasskey, passkeyProvider } from "./passkey-provider";
import { auditOf } from "../mfa/testing";

const HEADERS = { "x-forwarded-for": "203.0.113.50", "user-agent": "vitest-browser" };

async function credentialsFrom(auth: SoftAuthenticator, overrides: Parameters<SoftAuthenticator["assert"]>[1] = {}) {
  const { challenge_id, options } = await passkeyLoginOptions({ ip: "203.0.113.50", userAgent: null, requestId: null });
  return { challenge_id, response: JSON.stringify(auth.assert(options, overrides)) };
}

describe("the passkey sign-in provider", () => {
  it('is a credentials provider with id "passkey"', () => {
    expect(passkeyProvider.type).toBe("credentials");
    expect(passkeyProvider.options).toMatchObject({ id: "passkey" });
  });

  it("opens a session with method passkey (a passkey is both factors: straight to the console)", async () => {
    const { user, auth } = await passkeyUser({ user: { mfaPolicy: "force_enabled" } });
    const result = await authorizePasskey(await credentialsFrom(auth), HEADERS);
    expect(result).toEqual({ id: expect.any(String) });
    const db = await getDb();
    const [session] = await db.select().from(sessions).where(eq(sessions.id, result!.id));
    expect(session).toMatchObject({ userId: user.id, methods: ["passkey"], stage: "active" });
    const signIns = await auditOf(user.id, "auth.sign_in");
    expect(signIns.at(-1)).toMatchObject({ outcome: "success", metadata: { method: "passkey", session_id: result!.id } });
  });

  it("refuses inactive, expired and locked accounts (audited), and garbage", async () => {
    const { user, auth } = await passkeyUser();
    const db = await getDb();
    for (const [change, reason] of [
      [{ isActive: false }, "inactive"],
      [{ dateExpired: new Date(Date.now() - 1000) }, "expired"],
      [{ lockedUntil: new Date(Date.now() + 60_000) }, "locked"],
    ] as const) {
      await db.update(users).set(change).where(eq(users.id, user.id));
      expect(await authorizePasskey(await credentialsFrom(auth), HEADERS)).toBeNull();
      await db.update(users).set({ isActive: true, dateExpired: null, lockedUntil: null }).where(eq(users.id, user.id));
      expect((await auditOf(user.id, "auth.sign_in")).at(-1)).toMatchObject({ outcome: "failure", metadata: { reason, method: "passkey" } });
    }
    const good = await credentialsFrom(auth);
    expect(await authorizePasskey({ ...good, response: "{not json" }, HEADERS)).toBeNull();
    expect(await authorizePasskey({ ...good, response: "42" }, HEADERS)).toBeNull();
    expect(await authorizePasskey({ challenge_id: "x", response: good.response }, HEADERS)).toBeNull();
    expect(await authorizePasskey(undefined, HEADERS)).toBeNull();
    expect(await authorizePasskey(await credentialsFrom(auth), HEADERS)).not.toBeNull();
  });
});
