import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Executor } from "@/db/client";
import { mfaTotp, users } from "@/db/schema";
import { NO_META, type RequestMeta } from "../auth/actor";
import { anonymousActor } from "../auth/principal";
import { audit } from "../audit/audit";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { getDb } from "../db";
import { conflict, notFound, parseInput, validationError } from "../errors";
import { enforceRateLimit } from "../rate-limit/limiter";
import { assertBackendAllowed, assertFactorRemovable, markMfaEnrolled } from "./policy";
import { deleteRecoveryCodes, hasEnrolledMethod, replaceRecoveryCodes } from "./recovery-codes";
import type { MfaSelf } from "./self";
import { isTotpCodeShape, newTotpSecret, normaliseTotpCode, totpCodeStep, totpUri } from "./totp-code";
import { confirmTotpSchema, type TotpConfirmation, type TotpEnrollmentStart } from "./totp-schema";

/** secret-box purpose of TOTP seeds. */
const PURPOSE = "totp";
/** Confirmation attempts (right or wrong) per person: a pending seed cannot be brute-forced. */
export const TOTP_CONFIRM_RATE = { limit: 10, windowSeconds: 15 * 60 };
export const WRONG_CODE_MESSAGE = "That code is not right. Check that your device's clock is correct and enter the code the app shows now.";

const targetOf = (user: { id: string; username: string }) => ({ type: "user", id: user.id, label: user.username });

/**
 * Starts (or restarts) setting up an authenticator app: a fresh seed, stored encrypted as a pending enrollment
 * until a code from the app confirms it. The seed goes back to the person once, as a QR code and for manual entry.
 */
export async function beginTotpEnrollment(self: MfaSelf): Promise<TotpEnrollmentStart> {
  const db = await getDb();
  await assertBackendAllowed(db, self.user, "totp");
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    const [pending] = await tx
      .insert(mfaTotp)
      .values({ userId: self.user.id, secretEncrypted: encryptSecret(secret, PURPOSE) })
      .onConflictDoUpdate({
        target: mfaTotp.userId,
        set: { secretEncrypted: sql`excluded.secret_encrypted`, createdAt: sql`now()`, lastTimeStep: null },
        // Never overwrite a confirmed app: the conflict update only applies to a pending row.
        setWhere: isNull(mfaTotp.confirmedAt),
      })
      .returning({ userId: mfaTotp.userId });
    if (!pending) throw conflict("An authenticator app is already set up. Remove it first to set up another one.");
  });
  const otpauth_uri = totpUri(secret, self.user.username || self.user.email);
  const qr_data_url = await QRCode.toDataURL(otpauth_uri, { errorCorrectionLevel: "M", margin: 1, width: 200 });
  return { secret, otpauth_uri, qr_data_url };
}

/**
 * Confirms the pending enrollment with a code from the app. The code's time step is recorded as used, so the same
 * code cannot sign in afterwards. Issues a fresh set of recovery codes (old ones stop working) and turns MFA on for
 * a person whose policy was Disabled.
 */
export async function confirmTotpEnrollment(self: MfaSelf, code: string, now = new Date()): Promise<TotpConfirmation> {
  const input = parseInput(confirmTotpSchema, { code });
  const db = await getDb();
  await assertBackendAllowed(db, self.user, "totp");
  // Outside the transaction: a wrong code rolls the transaction back, the counted attempt must stay.
  await enforceRateLimit(`totp-confirm:${self.user.id}`, TOTP_CONFIRM_RATE, db);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(mfaTotp).where(eq(mfaTotp.userId, self.user.id)).for("update");
    if (!row) throw conflict("No authenticator app setup is in progress. Start again.");
    if (row.confirmedAt) throw conflict("An authenticator app is already set up.");
    const step = await totpCodeStep(decryptSecret(row.secretEncrypted, PURPOSE), input.code, now);
    if (step === null) throw validationError({ code: [WRONG_CODE_MESSAGE] }, WRONG_CODE_MESSAGE);
    // Wall clock of the app (like sessions.created_at), not `now`, which only places the code in time.
    await tx.update(mfaTotp).set({ confirmedAt: new Date(), lastTimeStep: step }).where(eq(mfaTotp.userId, self.user.id));
    const recovery_codes = await replaceRecoveryCodes(tx, self.user.id);
    await markMfaEnrolled(tx, self.user.id);
    await audit(tx, self.actor, "mfa.totp.enroll", targetOf(self.user), null, { metadata: { via: self.via, recovery_codes_issued: recovery_codes.length } });
    return { recovery_codes };
  });
}

/**
 * Removes the authenticator app (refused when MFA is required and nothing else usable remains). Recovery codes back
 * up the account's second factors as a whole: they stay while another method remains and go with the last one.
 */
export async function removeTotp(self: MfaSelf): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // One factor change at a time per person, so two removals cannot each leave "the other one" behind.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, self.user.id)).for("update");
    const [row] = await tx.select({ userId: mfaTotp.userId }).from(mfaTotp).where(and(eq(mfaTotp.userId, self.user.id), isNotNull(mfaTotp.confirmedAt)));
    if (!row) throw notFound("Authenticator app");
    await assertFactorRemovable(tx, self.user, "totp");
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, self.user.id));
    const recoveryCodesDeleted = (await hasEnrolledMethod(tx, self.user.id)) ? 0 : await deleteRecoveryCodes(tx, self.user.id);
    await audit(tx, self.actor, "mfa.totp.remove", targetOf(self.user), null, { metadata: { via: self.via, recovery_codes_deleted: recoveryCodesDeleted } });
  });
}

/**
 * Checks a code at the MFA step. Accepts steps s-1..s+1, each at most once: the accepted step is stored by one
 * conditional UPDATE, so of concurrent submissions of one code exactly one wins (T4). A valid but already used code
 * is audited as a replay (mfa.totp.replay) and answered like a wrong one. The step's own success/failure is the
 * caller's to audit and count. Call it in a transaction that commits even when it answers false (the replay record).
 */
export async function verifyTotpCode(tx: Executor, userId: string, code: string, now = new Date(), meta: RequestMeta = NO_META): Promise<boolean> {
  const normalised = normaliseTotpCode(code);
  if (!isTotpCodeShape(normalised)) return false;
  const [row] = await tx.select({ secretEncrypted: mfaTotp.secretEncrypted }).from(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt)));
  if (!row) return false;
  const step = await totpCodeStep(decryptSecret(row.secretEncrypted, PURPOSE), normalised, now);
  if (step === null) return false;
  const accepted = await tx
    .update(mfaTotp)
    .set({ lastTimeStep: step })
    .where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt), or(isNull(mfaTotp.lastTimeStep), lt(mfaTotp.lastTimeStep, step))))
    .returning({ userId: mfaTotp.userId });
  if (accepted.length > 0) return true;
  const [user] = await tx.select({ username: users.username }).from(users).where(eq(users.id, userId));
  const label = user?.username ?? userId;
  await audit(tx, anonymousActor(label, meta, userId), "mfa.totp.replay", { type: "user", id: userId, label }, null, {
    outcome: "failure",
    metadata: { reason: "time_step_already_used", time_step: step },
  });
  return false;
}
