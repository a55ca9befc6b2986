import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { faceTemplates } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { randomBase62 } from "../crypto/random";
import { getDb } from "../db";
import { AppError, conflict, parseInput, validationError } from "../errors";
import { decodeJpeg, detectFaces } from "../face/engine";
import { FACE_MODEL } from "../face/model";
import { checkCapture, decodeDescriptor, encodeDescriptor, FACE_MATCH_THRESHOLD, matchScore, pickTemplates, type UsableFrame } from "../face/match";
import { enforceRateLimit } from "../rate-limit/limiter";
import { getSettings } from "../settings/settings";
import { consumeChallenge, issueChallenge, type ChallengeBinding } from "./challenges";
import { FACE_FRAMES, faceEnrollSchema, type OwnFaceView, type StepFaceInput } from "./face-schema";
import { getOwnMfa } from "./own";
import { userTarget } from "./passkeys";
import { assertBackendAllowed, enrolledMethods, isAdministrator, markMfaEnrolled, usableMethods } from "./policy";
import type { MfaSelf } from "./self";

/**
 * Facial recognition as a second factor: a convenience next to another method, never instead of one. Frames are
 * JPEGs from the person's camera; descriptors are computed here on the server (lib/face) and compared with the
 * person's encrypted templates. No image is ever stored.
 */

const TEMPLATE_PURPOSE = "face-template";
/** A face challenge is answered within 2 minutes, once. */
export const FACE_CHALLENGE_TTL_MS = 2 * 60_000;
/** Enrollments per person per hour (each one is a few seconds of server CPU). */
const ENROLL_RATE = { limit: 10, windowSeconds: 3600 };

/** The person's own facial recognition: whether they may set it up, and what is stored (never a template). */
export async function getOwnFace(actor: Actor): Promise<OwnFaceView> {
  const mfa = await getOwnMfa(actor);
  const db = await getDb();
  const [latest] = await db.select({ model: faceTemplates.model }).from(faceTemplates).where(eq(faceTemplates.userId, actor.userId!)).orderBy(desc(faceTemplates.createdAt)).limit(1);
  const available = mfa.available_methods.includes("face");
  return {
    available,
    enrolled: mfa.methods.face.enrolled,
    templates: mfa.methods.face.templates,
    model: latest?.model ?? null,
    enrolled_at: mfa.methods.face.created_at,
    needs_other_method: !mfa.usable_methods.some((m) => m !== "face"),
    reason: available ? null : mfa.policy.global_policy === "off" ? "MFA is switched off by your administrator." : null,
  };
}

/** Decodes the frames and computes their faces on the server; bad input is a 400 that changes nothing. */
async function analyse(frames: string[]) {
  const images = frames.map((frame) => decodeJpeg(Buffer.from(frame, "base64"), { maxWidth: FACE_FRAMES.width, maxHeight: FACE_FRAMES.height }));
  return checkCapture(await detectFaces(images));
}

const meanOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null;
};
/** human's antispoof / liveness scores, audited as weak signals only (a still photo scores high). */
const livenessSignals = (frames: UsableFrame[]) => ({ real: meanOf(frames.map((f) => f.real)), live: meanOf(frames.map((f) => f.live)) });

/**
 * Enrollment (or re-enrollment) from the profile (MfaSelf: within the re-authentication window), with explicit consent, only
 * next to another usable method. Replaces any earlier templates with up to 5 new ones, encrypted. Audited without
 * any biometric data.
 */
export async function enrollOwnFace(self: MfaSelf, input: unknown): Promise<{ templates: number }> {
  const { frames } = parseInput(faceEnrollSchema, input);
  const db = await getDb();
  await assertBackendAllowed(db, self.user, "face");
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, self.user);
  if (!usableMethods(await enrolledMethods(db, self.user.id), { ...mfa, face: false }, administrator).length) {
    throw conflict("Set up another second factor first: facial recognition never stands alone.");
  }
  await enforceRateLimit(`face-enroll:user:${self.user.id}`, ENROLL_RATE, db);
  const capture = await analyse(frames);
  if (!capture.ok) throw validationError({ frames: [capture.message] }, capture.message);
  const chosen = pickTemplates(capture.frames);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(faceTemplates).where(eq(faceTemplates.userId, self.user.id)).returning({ id: faceTemplates.id });
    await tx.insert(faceTemplates).values(
      chosen.map((frame) => ({
        userId: self.user.id,
        templateEncrypted: encryptSecret(encodeDescriptor(frame.descriptor), TEMPLATE_PURPOSE),
        model: FACE_MODEL,
        quality: frame.score,
      })),
    );
    await markMfaEnrolled(tx, self.user.id);
    await audit(tx, self.actor, "mfa.face.enroll", userTarget(self.user), null, {
      metadata: { templates: chosen.length, replaced: removed.length, frames: frames.length, usable_frames: capture.frames.length, model: FACE_MODEL, ...livenessSignals(capture.frames) },
    });
  });
  return { templates: chosen.length };
}

/** Deletes every face template of the person (any time; MfaSelf: within the re-authentication window). Audited. */
export async function deleteOwnFace(self: MfaSelf): Promise<{ removed: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const removed = await tx.delete(faceTemplates).where(eq(faceTemplates.userId, self.user.id)).returning({ id: faceTemplates.id });
    if (!removed.length) throw conflict("Facial recognition is not set up on your account.");
    await audit(tx, self.actor, "mfa.face.remove", userTarget(self.user), null, { metadata: { templates: removed.length } });
    return { removed: removed.length };
  });
}

const stepBinding = (ref: { userId: string; sessionId: string }): ChallengeBinding => ({ purpose: "face_mfa", userId: ref.userId, sessionId: ref.sessionId });

/** A one-time challenge for one face check at the MFA step, bound to this sign-in (the caller checks the method is usable). */
export async function issueFaceChallenge(ref: { userId: string; sessionId: string }, now = new Date()): Promise<{ challenge_id: string; expires_at: string }> {
  const db = await getDb();
  const challengeId = await issueChallenge(db, stepBinding(ref), randomBase62(43), now, FACE_CHALLENGE_TTL_MS);
  return { challenge_id: challengeId, expires_at: new Date(now.getTime() + FACE_CHALLENGE_TTL_MS).toISOString() };
}

export type FaceStepCheck =
  | { ok: true; score: number; metadata: Record<string, unknown> }
  | { ok: false; message: string; metadata: Record<string, unknown> };

const NO_MATCH = "Your face didn't match. Try again, or use another method.";

/**
 * The face check of the MFA step: spends the challenge first (so a failed answer spends it too), computes the
 * frames' descriptors, and compares them with the person's templates of the current model. The outcome carries
 * audit metadata (scores rounded, never a descriptor). The attempt is counted by the caller (verifySecondFactor).
 */
export async function checkFaceStep(ref: { userId: string; sessionId: string }, input: StepFaceInput, now = new Date()): Promise<FaceStepCheck> {
  const db = await getDb();
  if (!(await consumeChallenge(db, input.challenge_id, stepBinding(ref), now))) {
    return { ok: false, message: "This face check has expired or was already used. Try again.", metadata: { reason: "challenge" } };
  }
  let capture;
  try {
    capture = await analyse(input.frames);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") return { ok: false, message: error.message, metadata: { reason: "bad_frames" } };
    throw error;
  }
  if (!capture.ok) return { ok: false, message: capture.message, metadata: { reason: capture.reason } };
  const rows = await db
    .select({ id: faceTemplates.id, template: faceTemplates.templateEncrypted })
    .from(faceTemplates)
    .where(and(eq(faceTemplates.userId, ref.userId), eq(faceTemplates.model, FACE_MODEL)));
  const score = matchScore(
    capture.frames,
    rows.map((row) => decodeDescriptor(decryptSecret(row.template, TEMPLATE_PURPOSE))),
  );
  const metadata = { score: Math.round(score * 1000) / 1000, threshold: FACE_MATCH_THRESHOLD, usable_frames: capture.frames.length, ...livenessSignals(capture.frames) };
  if (score < FACE_MATCH_THRESHOLD) return { ok: false, message: NO_MATCH, metadata: { reason: "no_match", ...metadata } };
  if (rows.length) await db.update(faceTemplates).set({ lastUsedAt: now }).where(inArray(faceTemplates.id, rows.map((r) => r.id)));
  return { ok: true, score, metadata };
}
