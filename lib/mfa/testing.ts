/** Test setup for MFA: enrolled factors written straight into the real test database (setup, not a mock). */
import { and, asc, eq } from "drizzle-orm";
import { generate, generateSecret } from "otplib";
import { auditEvents, mfaRecoveryCodes, mfaTotp, sessions, type UserRow } from "@/db/schema";
import { NO_META, systemActor } from "../auth/actor";
import { encryptSecret } from "../crypto/secret-box";
import { getDb } from "../db";
import { signedIn } from "../profile/test-helpers";
import { createTestUser } from "../testing/factories";
import { createSession, loadSession, type SessionContext, type SessionStage } from "../sessions/sessions";
import { getSettings } from "../settings/settings";
import { updateSettingsSection } from "../settings/update";
import { hashCode } from "./code-hash";
import { normaliseRecoveryCode } from "./recovery-codes";
import { mfaSelfFromActor, type MfaSelf } from "./self";
import type { MfaSettings } from "../settings/schema";

/** A confirmed authenticator app for the user; returns the base32 secret. */
export async function enrollTestTotp(user: UserRow): Promise<string> {
  const secret = generateSecret();
  const db = await getDb();
  await db.insert(mfaTotp).values({ userId: user.id, secretEncrypted: encryptSecret(secret, "totp"), confirmedAt: new Date() });
  return secret;
}

/** The TOTP code of `secret` at `when`. */
export const totpAt = (secret: string, when = new Date()) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

/** Unused recovery codes for the user (stored hashed, like the real ones). */
export async function giveTestRecoveryCodes(user: UserRow, codes: string[]): Promise<void> {
  const db = await getDb();
  await db.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId: user.id, codeHash: hashCode(normaliseRecoveryCode(code), user.id) })));
}

/** A sign-in waiting at `stage` (default: the MFA step), as the session context the (auth) pages get. */
export async function pendingSignIn(user: UserRow, stage: SessionStage = "mfa"): Promise<SessionContext> {
  const db = await getDb();
  const session = await createSession(db, { userId: user.id, stage, authSource: user.authSource, methods: ["password"], meta: NO_META });
  const ctx = await loadSession(session.id);
  if (!ctx) throw new Error("pending session vanished");
  return ctx;
}

export async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

export async function setMfaSettings(values: Partial<MfaSettings>): Promise<void> {
  const db = await getDb();
  const { mfa } = await getSettings(db);
  await updateSettingsSection(systemActor("test"), "mfa", { ...mfa, ...values });
}

/** A person signed in just now (fresh authentication) and the MfaSelf their profile acts with. */
export async function freshSelf(overrides: Parameters<typeof createTestUser>[0] = {}): Promise<{ user: UserRow; self: MfaSelf; sessionId: string }> {
  const user = await createTestUser(overrides);
  const { actor, sessionId } = await signedIn(user);
  return { user, self: await mfaSelfFromActor(actor), sessionId };
}

/** The audit events of one action about one user, oldest first. */
export async function auditOf(userId: string, action: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.targetId, userId), eq(auditEvents.action, action))).orderBy(asc(auditEvents.id));
}

/** Trials for the concurrency tests: a CI smoke count unless MFA_TRIALS asks for more. */
export function trials(smoke: number): number {
  const wanted = Number(process.env.MFA_TRIALS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : smoke;
}
