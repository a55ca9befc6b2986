import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mfaTotp, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { authenticatedMinutesAgo, signedIn } from "../profile/test-helpers";
import { REAUTH_WINDOW_MINUTES } from "../profile/schema";
import { createTestUser } from "../testing/factories";
import { setOwnMfaEnabled } from "./own";
import { mfaSelfFromActor, mfaSelfFromSetup } from "./self";
import { pendingSignIn } from "./testing";
import { beginTotpEnrollment } from "./totp";

const N = REAUTH_WINDOW_MINUTES;
const reauthRequired = { code: "unauthenticated", details: { fieldErrors: { reauthentication: expect.any(Array) } } };

describe("second factors are managed only after a fresh authentication (T14)", () => {
  it(`allows it ${N - 1} minutes after signing in and refuses it at ${N + 1}, changing nothing`, async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    const db = await getDb();

    await authenticatedMinutesAgo(sessionId, N + 1);
    await expect(mfaSelfFromActor(actor)).rejects.toMatchObject(reauthRequired);
    await expect(setOwnMfaEnabled(actor, { enabled: true })).rejects.toMatchObject(reauthRequired);
    expect(await db.select().from(mfaTotp).where(eq(mfaTotp.userId, user.id))).toHaveLength(0);
    expect((await db.select({ policy: users.mfaPolicy }).from(users).where(eq(users.id, user.id)))[0].policy).toBe("disabled");

    await authenticatedMinutesAgo(sessionId, N - 1);
    const self = await mfaSelfFromActor(actor);
    expect(self).toMatchObject({ via: "profile", sessionId });
    await beginTotpEnrollment(self);
    expect(await db.select().from(mfaTotp).where(eq(mfaTotp.userId, user.id))).toHaveLength(1);
    // Past the re-authentication gate, the policy's own rule answers (an unconfirmed seed is not a factor yet).
    await expect(setOwnMfaEnabled(actor, { enabled: true })).rejects.toMatchObject({ code: "conflict", message: "Set up a second factor first." });
  });

  it("is never available to a token, nor to a service account", async () => {
    const { actor } = await signedIn(await createTestUser());
    await expect(mfaSelfFromActor({ ...actor, kind: "token", sessionId: undefined, tokenId: "t" })).rejects.toMatchObject({ code: "forbidden" });
    const service = await createTestUser({ isServiceAccount: true });
    const { actor: serviceActor } = await signedIn(service);
    await expect(mfaSelfFromActor(serviceActor)).rejects.toMatchObject({ code: "conflict" });
  });

  it("during sign-in only at the forced-setup stage, never at the MFA step", async () => {
    const user = await createTestUser();
    const atStep = await pendingSignIn(user, "mfa");
    await expect(mfaSelfFromSetup(atStep, NO_META)).rejects.toMatchObject({ code: "forbidden" });
    const atSetup = await pendingSignIn(user, "mfa_enroll");
    await expect(mfaSelfFromSetup(atSetup, NO_META)).resolves.toMatchObject({ via: "setup", sessionId: atSetup.session.id });
  });

  it("every profile action that changes a factor goes through mfaSelfFromActor", () => {
    const root = join(process.cwd(), "app/(console)/profile");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith("actions.ts")).map((f) => join(root, f));
    const factorModules = /from "@\/lib\/mfa\/(totp|recovery-codes|otp-channels|passkeys|passkey-register|face)"/;
    const checked = files.filter((file) => factorModules.test(readFileSync(file, "utf8")));
    expect(checked.length).toBeGreaterThanOrEqual(4);
    for (const file of checked) expect(readFileSync(file, "utf8"), file).toContain("mfaSelfFromActor(actor)");
  });
});
