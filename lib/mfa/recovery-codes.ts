import "server-only";
import { randomInt } from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { mfaRecoveryCodes, users } from "@/db/schema";
import { NO_META, type RequestMeta } from "../auth/actor";
import { anonymousActor } from "../auth/principal";
import { audit } from "../audit/audit";
import { getDb } from "../db";
import { conflict } from "../errors";
import { hashCode } from "./code-hash";
import { enrolledMethods } from "./policy";
import type { MfaSelf } from "./self";

/** 32 symbols without look-alikes (no 0/O, 1/I): one symbol carries exactly 5 bits. */
export const RECOVERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const RECOVERY_CODE_LENGTH = 12;
export const RECOVERY_CODE_COUNT = 10;
/** 12 × log2(32) = 60 bits per code (NIST look-up secrets: at least 20; the test plan asks ≥ 50). */
export const RECOVERY_CODE_BITS = RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length);

const CODE_SHAPE = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/** What a person types, as it was issued: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

/** xxxx-xxxx-xxxx, for reading aloud and typing. */
const formatRecoveryCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

function randomRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return code;
}

/**
 * Replaces every recovery code of the person with RECOVERY_CODE_COUNT fresh ones; returns them formatted, the only
 * time they exist in plaintext (only HMAC hashes bound to the user id are stored). Call inside a transaction.
 */
export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(randomRecoveryCode());
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values([...codes].map((code) => ({ userId, codeHash: hashCode(code, userId) })));
  return [...codes].map(formatRecoveryCode);
}

export async function deleteRecoveryCodes(tx: Executor, userId: string): Promise<number> {
  const deleted = await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId)).returning({ id: mfaRecoveryCodes.id });
  return deleted.length;
}

/** Whether anything but recovery codes is enrolled (recovery codes back up a method; alone they are no factor). */
export async function hasEnrolledMethod(db: Executor, userId: string): Promise<boolean> {
  const methods = await enrolledMethods(db, userId);
  return methods.totp.enrolled || methods.sms.enrolled || methods.email.enrolled || methods.passkeys.length > 0;
}

/** New recovery codes from the profile: every old code stops working at once. */
export async function regenerateRecoveryCodes(self: MfaSelf): Promise<string[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Serialises with factor removal, so codes are never issued for an account that just lost its last method.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, self.user.id)).for("update");
    if (!(await hasEnrolledMethod(tx, self.user.id))) throw conflict("Set up a second factor first: recovery codes back up an authenticator app, phone or passkey.");
    const codes = await replaceRecoveryCodes(tx, self.user.id);
    await audit(tx, self.actor, "mfa.recovery_codes.regenerate", { type: "user", id: self.user.id, label: self.user.username }, null, {
      metadata: { count: codes.length, via: self.via },
    });
    return codes;
  });
}

/**
 * Spends one recovery code at the MFA step: a single conditional UPDATE, so among concurrent submissions of one code
 * exactly one wins. Answers false for anything that is not an unused code of this person (no hint which).
 * A successful use is audited (mfa.recovery_code.use, with the number left); the step itself is audited by the caller.
 */
export async function consumeRecoveryCode(tx: Executor, userId: string, code: string, meta: RequestMeta = NO_META): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (!CODE_SHAPE.test(normalised)) return false;
  const [used] = await tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, hashCode(normalised, userId)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  if (!used) return false;
  const [[left], [user]] = await Promise.all([
    tx.select({ n: count() }).from(mfaRecoveryCodes).where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt))),
    tx.select({ username: users.username }).from(users).where(eq(users.id, userId)),
  ]);
  const label = user?.username ?? userId;
  await audit(tx, anonymousActor(label, meta, userId), "mfa.recovery_code.use", { type: "user", id: userId, label }, null, {
    metadata: { remaining: Number(left?.n ?? 0) },
  });
  return true;
}
