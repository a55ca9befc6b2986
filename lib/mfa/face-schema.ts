import { z } from "zod";

/**
 * What one face capture may send (client-safe: the capture component sizes its frames by it). Frames are JPEGs of
 * at most 640×480, base64 without a data: prefix, each at most 400,000 characters (≈ 300 KB).
 */
export const FACE_FRAMES = { min: 3, max: 8, width: 640, height: 480, maxChars: 400_000 } as const;

const frames = z
  .array(
    z
      .string()
      .max(FACE_FRAMES.maxChars, "A picture is too large.")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "A picture is not valid base64."),
    { error: "Pictures from the camera are required." },
  )
  .min(FACE_FRAMES.min, `Send at least ${FACE_FRAMES.min} pictures.`)
  .max(FACE_FRAMES.max, `Send at most ${FACE_FRAMES.max} pictures.`);

/** Enrollment from the profile: explicit consent, then the frames. */
export const faceEnrollSchema = z
  .object({
    consent: z.literal(true, { error: "Consent is required to set up facial recognition." }),
    frames,
  })
  .strict();
export type FaceEnrollInput = z.input<typeof faceEnrollSchema>;

/** The MFA step: the one-time challenge the frames answer. */
export const stepFaceSchema = z.object({ challenge_id: z.guid(), frames }).strict();
export type StepFaceInput = z.input<typeof stepFaceSchema>;

/** What the profile is told about the person's own facial recognition (never a template). */
export type OwnFaceView = {
  available: boolean;
  enrolled: boolean;
  templates: number;
  model: string | null;
  enrolled_at: string | null;
  needs_other_method: boolean;
  reason: string | null;
};
