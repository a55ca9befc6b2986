import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cropScaled, decodeSample, encodeJpeg, faceJpeg } from "@/e2e/support/face-camera.mjs";
import { faceTemplates, mfaTotp, sessions, users } from "@/db/schema";
import { NO_META, type Actor } from "../auth/actor";
import { decryptSecret } from "../crypto/secret-box";
import { getDb } from "../db";
import { FACE_MODEL } from "../face/model";
import { decodeDescriptor, FACE_MATCH_THRESHOLD } from "../face/match";
import { authenticatedMinutesAgo, signedIn } from "../profile/test-helpers";
import { REAUTH_WINDOW_MINUTES } from "../profile/schema";
import { getSettings } from "../settings/settings";
import { AppError } from "../errors";
import { actorFor, adminUser, createTestUser } from "../testing/factories";
import { resetUserMfa } from "./admin";
import { deleteOwnFace, enrollOwnFace, getOwnFace } from "./face";
import { enrolledMethods, mfaRequirement, usableMethods } from "./policy";
import { STAGE_PATHS } from "./stages";
import { mfaSelfFromActor } from "./self";
import { startFaceStep, stepOptions, verifySecondFactor } from "./step";
import { auditOf, enrollTestTotp, pendingSignIn, sessionRow, setMfaSettings } from "./testing";
import { MFA_CODE_ATTEMPTS } from "./types";

/**
 * Facial recognition end to end on the server: real JPEG frames cut from the sample photos shipped in
 * @vladmandic/face-api (read from node_modules), real face models, the real database.
 */

const b64 = (jpeg: Buffer) => jpeg.toString("base64");
/** Three frames of one person, as three slightly different JPEGs (a camera never sends the same bytes twice). */
const framesOf = (name: "alice" | "other") => [90, 80, 70].map((q) => b64(faceJpeg(name, q)));
const ALICE = framesOf("alice");
const OTHER = framesOf("other");
const sample1 = decodeSample("sample1.jpg");
/** A crop of sample1 with two people in it, and one with nobody (the floor in front of them). */
const TWO_PEOPLE = b64(encodeJpeg(cropScaled(sample1, [600, 100, 1280, 960])));
const NOBODY = b64(encodeJpeg(cropScaled(sample1, [0, 1000, 360, 270])));

async function personWithApp() {
  const user = await createTestUser();
  await enrollTestTotp(user);
  const { actor, sessionId } = await signedIn(user);
  return { user, actor, sessionId };
}

/** Enrollment as the profile action does it: MfaSelf (re-authentication window) first. */
const enroll = (actor: Actor, input: unknown) => mfaSelfFromActor(actor).then((self) => enrollOwnFace(self, input));

async function templatesOf(userId: string) {
  const db = await getDb();
  return db.select().from(faceTemplates).where(eq(faceTemplates.userId, userId));
}

beforeEach(async () => {
  await setMfaSettings({ policy: "optional", totp: true, email: true, email_for_admins: false, face: true });
});

describe("face enrollment", () => {
  it("computes the descriptors on the server and keeps at most 5 encrypted templates tagged with the model, no image; re-enrolling replaces them", async () => {
    const { user, actor } = await personWithApp();
    expect(await getOwnFace(actor)).toMatchObject({ available: true, enrolled: false, needs_other_method: false });

    const frames = [...ALICE, ...ALICE, b64(faceJpeg("alice", 60))];
    expect(await enroll(actor, { consent: true, frames })).toEqual({ templates: 5 });
    const rows = await templatesOf(user.id);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.model).toBe(FACE_MODEL);
      expect(row.templateEncrypted).toMatch(/^v1\./);
      const descriptor = decodeDescriptor(decryptSecret(row.templateEncrypted, "face-template"));
      expect(descriptor).toHaveLength(1024);
      expect(Math.hypot(...descriptor)).toBeCloseTo(1, 3);
    }
    // Nothing but the encrypted template, its model and a score: no column could hold an image.
    expect(Object.keys(rows[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "model", "quality", "templateEncrypted", "userId"]);
    expect(await getOwnFace(actor)).toMatchObject({ enrolled: true, templates: 5, model: FACE_MODEL });

    const [event] = await auditOf(user.id, "mfa.face.enroll");
    expect(event.outcome).toBe("success");
    expect(event.metadata).toMatchObject({ templates: 5, replaced: 0, frames: 7, model: FACE_MODEL });
    expect(JSON.stringify(event)).not.toMatch(/template_encrypted|v1\.[A-Za-z0-9_-]{20}/);

    expect(await enroll(actor, { consent: true, frames: ALICE })).toEqual({ templates: 3 });
    expect(await templatesOf(user.id)).toHaveLength(3);
    expect((await auditOf(user.id, "mfa.face.enroll"))[1].metadata).toMatchObject({ templates: 3, replaced: 5 });
  }, 120_000);

  it("refuses a capture without exactly one clear face, saying why, and stores nothing", async () => {
    const { user, actor } = await personWithApp();
    await expect(enroll(actor, { consent: true, frames: [NOBODY, NOBODY, NOBODY] })).rejects.toMatchObject({
      code: "validation",
      details: { fieldErrors: { frames: [expect.stringMatching(/^Only 0 of 3 pictures could be used: no face was found/)] } },
    });
    await expect(enroll(actor, { consent: true, frames: [TWO_PEOPLE, TWO_PEOPLE, TWO_PEOPLE] })).rejects.toMatchObject({
      details: { fieldErrors: { frames: [expect.stringMatching(/more than one face was in view/)] } },
    });
    // Frames of two different people in one capture are not one identity.
    await expect(enroll(actor, { consent: true, frames: [...ALICE, ...OTHER] })).rejects.toMatchObject({
      details: { fieldErrors: { frames: [expect.stringMatching(/did not all show the same person/)] } },
    });
    expect(await templatesOf(user.id)).toHaveLength(0);
    expect(await auditOf(user.id, "mfa.face.enroll")).toHaveLength(0);
  }, 120_000);

  it("refuses bad input before any face work: no consent, too few or too many frames, not a JPEG, too big, not base64", async () => {
    const { user, actor } = await personWithApp();
    const big = b64(encodeJpeg(cropScaled(sample1, [609, 303, 656, 492], 800, 600), 800, 600));
    const refusals: [unknown, RegExp][] = [
      [{ frames: ALICE }, /Consent is required/],
      [{ consent: false, frames: ALICE }, /Consent is required/],
      [{ consent: true, frames: ALICE.slice(0, 2) }, /at least 3/],
      [{ consent: true, frames: Array(9).fill(ALICE[0]) }, /at most 8/],
      [{ consent: true, frames: [...ALICE.slice(0, 2), b64(Buffer.from("GIF89a not a jpeg at all"))] }, /not a JPEG/],
      [{ consent: true, frames: [...ALICE.slice(0, 2), big] }, /640×480/],
      [{ consent: true, frames: [...ALICE.slice(0, 2), `data:image/jpeg;base64,${ALICE[0]}`] }, /not valid base64/],
      [{ consent: true, frames: [...ALICE.slice(0, 2), "A".repeat(400_004)] }, /too large/],
      [{ consent: true, frames: ALICE, descriptor: [1, 2, 3] }, /./],
    ];
    for (const [input, message] of refusals) {
      await expect(enroll(actor, input), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({ code: "validation", message: expect.stringMatching(/./) });
      const error: unknown = await enroll(actor, input).catch((e: unknown) => e);
      expect(JSON.stringify(error instanceof AppError ? [error.message, error.details] : error)).toMatch(message);
    }
    expect(await templatesOf(user.id)).toHaveLength(0);
  }, 60_000);

  it("is refused when the backend is off, without another usable method, outside the re-authentication window, and for tokens", async () => {
    const { user, actor, sessionId } = await personWithApp();
    await setMfaSettings({ face: false });
    await expect(enroll(actor, { consent: true, frames: ALICE })).rejects.toMatchObject({ code: "forbidden" });
    expect(await getOwnFace(actor)).toMatchObject({ available: false });
    await setMfaSettings({ face: true });

    const alone = await createTestUser();
    const { actor: aloneActor } = await signedIn(alone);
    expect(await getOwnFace(aloneActor)).toMatchObject({ available: true, needs_other_method: true });
    await expect(enroll(aloneActor, { consent: true, frames: ALICE })).rejects.toMatchObject({ code: "conflict", message: /never stands alone/ });

    await authenticatedMinutesAgo(sessionId, REAUTH_WINDOW_MINUTES + 1);
    await expect(enroll(actor, { consent: true, frames: ALICE })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(enroll({ ...actor, kind: "token", sessionId: undefined, tokenId: "t" }, { consent: true, frames: ALICE })).rejects.toMatchObject({ code: "forbidden" });
    expect(await templatesOf(user.id)).toHaveLength(0);
    expect(await templatesOf(alone.id)).toHaveLength(0);
  });
});

describe("facial recognition at the MFA step", () => {
  it("the same face passes, another face is refused; each challenge works once, only for its own sign-in; all audited", async () => {
    const { user, actor } = await personWithApp();
    await enroll(actor, { consent: true, frames: ALICE });

    const signIn = await pendingSignIn(user);
    expect((await stepOptions(signIn)).methods).toEqual(["totp", "face"]);

    const first = await startFaceStep(signIn);
    await expect(verifySecondFactor(signIn, { method: "face", challenge_id: first.challenge_id, frames: OTHER }, NO_META)).rejects.toMatchObject({
      code: "validation",
      details: { fieldErrors: { frames: ["Your face didn't match. Try again, or use another method."] } },
    });
    expect(await sessionRow(signIn.session.id)).toMatchObject({ stage: "mfa", mfaAttempts: 1 });
    const [refused] = await auditOf(user.id, "auth.mfa");
    expect(refused).toMatchObject({ outcome: "failure", metadata: { method: "face", reason: "no_match", threshold: FACE_MATCH_THRESHOLD } });
    expect((refused.metadata as { score: number }).score).toBeLessThan(FACE_MATCH_THRESHOLD);

    // The spent challenge is not accepted again, even with the right face.
    await expect(verifySecondFactor(signIn, { method: "face", challenge_id: first.challenge_id, frames: ALICE }, NO_META)).rejects.toMatchObject({
      details: { fieldErrors: { frames: [expect.stringMatching(/expired or was already used/)] } },
    });
    // Nor is another sign-in's challenge.
    const elsewhere = await startFaceStep(await pendingSignIn(user));
    await expect(verifySecondFactor(signIn, { method: "face", challenge_id: elsewhere.challenge_id, frames: ALICE }, NO_META)).rejects.toMatchObject({
      details: { fieldErrors: { frames: [expect.stringMatching(/expired or was already used/)] } },
    });

    const second = await startFaceStep(signIn);
    expect(Date.parse(second.expires_at) - Date.now()).toBeLessThanOrEqual(2 * 60_000);
    expect(await verifySecondFactor(signIn, { method: "face", challenge_id: second.challenge_id, frames: ALICE }, NO_META)).toEqual({ redirect: STAGE_PATHS.active });
    expect(await sessionRow(signIn.session.id)).toMatchObject({ stage: "active" });
    const passed = (await auditOf(user.id, "auth.mfa")).at(-1)!;
    expect(passed).toMatchObject({ outcome: "success", metadata: { method: "face" } });
    expect((passed.metadata as { score: number }).score).toBeGreaterThanOrEqual(FACE_MATCH_THRESHOLD);
    expect((await templatesOf(user.id)).every((t) => t.lastUsedAt)).toBe(true);
  }, 120_000);

  it("counts toward the attempt limits like a code (T3): the sixth try ends the sign-in", async () => {
    const { user, actor } = await personWithApp();
    await enroll(actor, { consent: true, frames: ALICE });
    const signIn = await pendingSignIn(user);
    for (let i = 0; i < MFA_CODE_ATTEMPTS - 1; i++) {
      await expect(verifySecondFactor(signIn, { method: "face", challenge_id: crypto.randomUUID(), frames: ALICE }, NO_META)).rejects.toMatchObject({ code: "validation" });
    }
    await expect(verifySecondFactor(signIn, { method: "face", challenge_id: crypto.randomUUID(), frames: ALICE }, NO_META)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await sessionRow(signIn.session.id)).toBeUndefined();
    const db = await getDb();
    expect((await db.select({ n: users.mfaFailedCount }).from(users).where(eq(users.id, user.id)))[0].n).toBe(MFA_CODE_ATTEMPTS);
  }, 60_000);

  it("never stands alone: without another usable method it is not offered, does not satisfy a required MFA, and is no administrator's only factor", async () => {
    const { user, actor } = await personWithApp();
    await enroll(actor, { consent: true, frames: ALICE });
    const db = await getDb();
    await db.delete(mfaTotp).where(eq(mfaTotp.userId, user.id));
    const { mfa } = await getSettings(db);
    const methods = await enrolledMethods(db, user.id);
    expect(methods.face).toMatchObject({ enrolled: true, templates: 3 });
    expect(usableMethods(methods, mfa, false)).toEqual([]);
    const signIn = await pendingSignIn(user);
    expect((await stepOptions(signIn)).methods).toEqual([]);
    await expect(startFaceStep(signIn)).rejects.toMatchObject({ code: "conflict" });

    await db.update(users).set({ mfaPolicy: "force_enabled" }).where(eq(users.id, user.id));
    const [forced] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await mfaRequirement(db, forced)).toBe("mfa_enroll");

    // An administrator's email code does not count (email_for_admins is off), so face next to it is not usable either.
    const withEmail = { ...methods, email: { enrolled: true, target: "a@example.test" } };
    expect(usableMethods(withEmail, mfa, true)).toEqual([]);
    expect(usableMethods(withEmail, mfa, false)).toEqual(["email", "face"]);
  }, 60_000);
});

describe("removing face templates", () => {
  it("the person deletes them (audited); an admin's Reset MFA removes them with the other factors", async () => {
    const { user, actor } = await personWithApp();
    await enroll(actor, { consent: true, frames: ALICE });
    expect(await mfaSelfFromActor(actor).then(deleteOwnFace)).toEqual({ removed: 3 });
    expect(await templatesOf(user.id)).toHaveLength(0);
    expect((await auditOf(user.id, "mfa.face.remove"))[0].metadata).toMatchObject({ templates: 3 });
    await expect(mfaSelfFromActor(actor).then(deleteOwnFace)).rejects.toMatchObject({ code: "conflict" });

    await enroll(actor, { consent: true, frames: ALICE });
    const { removed } = await resetUserMfa(await actorFor(await adminUser()), user.id);
    expect(removed).toMatchObject({ totp: 1, face_templates: 3 });
    expect(await templatesOf(user.id)).toHaveLength(0);
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1); // the profile session stays
  }, 120_000);
});
