import { cosine, type DetectedFace } from "./engine";
import { FACE_CALIBRATION } from "./model";

/**
 * Accept a face when the median, over the usable frames, of each frame's best cosine similarity to the person's
 * templates reaches this value. Calibrated by lib/face/calibration.test.ts on the 22 faces of the sample photos
 * shipped in @vladmandic/face-api (1,554 impostor pairs, 63 genuine ones): the highest impostor score is 0.670, the
 * lowest genuine score 0.751 (the same face mirrored; half-size and darker-and-recompressed probes score 0.83 and
 * above). 0.72 sits in that gap, slightly nearer the genuine side, to favour refusing over accepting. Stricter means
 * more refusals of the right person, looser more acceptances of the wrong one. Re-run the calibration whenever the
 * model changes (templates are tagged with it).
 */
export const FACE_MATCH_THRESHOLD = FACE_CALIBRATION.threshold;
/** Frames of one capture must show one person: every pair of usable frames at least this similar. */
export const FACE_CONSISTENCY_THRESHOLD = FACE_MATCH_THRESHOLD;
/** Fewer usable frames than this and the capture is refused as unclear. */
export const MIN_USABLE_FRAMES = 3;
/** Templates kept per person. */
export const MAX_FACE_TEMPLATES = 5;

const MIN_SCORE = 0.8;
/** Face box width in pixels (of a 640×480 frame): smaller means too far away for a reliable descriptor. */
const MIN_FACE_PX = 112;
/** Head turned or tilted more than this (radians, ≈ 29°) is not "facing the camera". */
const MAX_ANGLE = 0.5;
/** Other faces scoring below this are background noise, not a second person. */
const OTHER_FACE_SCORE = 0.6;

export type FrameProblem = "no_face" | "several_faces" | "unclear" | "too_far" | "not_facing";

export const FRAME_PROBLEMS: Record<FrameProblem, string> = {
  no_face: "no face was found",
  several_faces: "more than one face was in view",
  unclear: "the face was not clear (light, focus or movement)",
  too_far: "the face was too far from the camera",
  not_facing: "the face was not turned towards the camera",
};

export type UsableFrame = { descriptor: Float32Array; score: number; real: number | null; live: number | null };

/** One face, clear, close enough and facing the camera: the frame's descriptor; otherwise what is wrong with it. */
export function checkFrame(faces: DetectedFace[]): UsableFrame | FrameProblem {
  const candidates = faces.filter((f) => f.score >= OTHER_FACE_SCORE);
  if (!candidates.length) return faces.length ? "unclear" : "no_face";
  if (candidates.length > 1) return "several_faces";
  const [face] = candidates;
  if (face.score < MIN_SCORE || !face.descriptor) return "unclear";
  if (face.box[2] < MIN_FACE_PX) return "too_far";
  if (face.angle && (Math.abs(face.angle.yaw) > MAX_ANGLE || Math.abs(face.angle.pitch) > MAX_ANGLE)) return "not_facing";
  return { descriptor: face.descriptor, score: face.score, real: face.real, live: face.live };
}

export type CaptureCheck =
  | { ok: true; frames: UsableFrame[] }
  | { ok: false; reason: "quality"; message: string; problems: Partial<Record<FrameProblem, number>> }
  | { ok: false; reason: "inconsistent"; message: string };

/** A capture is usable when at least MIN_USABLE_FRAMES frames pass checkFrame and they all show one person. */
export function checkCapture(detections: DetectedFace[][]): CaptureCheck {
  const frames: UsableFrame[] = [];
  const problems: Partial<Record<FrameProblem, number>> = {};
  for (const faces of detections) {
    const result = checkFrame(faces);
    if (typeof result === "string") problems[result] = (problems[result] ?? 0) + 1;
    else frames.push(result);
  }
  if (frames.length < MIN_USABLE_FRAMES) {
    const worst = (Object.entries(problems) as [FrameProblem, number][]).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "unclear";
    return {
      ok: false,
      reason: "quality",
      problems,
      message: `Only ${frames.length} of ${detections.length} pictures could be used: ${FRAME_PROBLEMS[worst]}. Face the camera on your own, in good light, and hold still.`,
    };
  }
  // Every pair, not each against the mean: half one person and half another would all sit close to their mean.
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      if (cosine(frames[i].descriptor, frames[j].descriptor) < FACE_CONSISTENCY_THRESHOLD) {
        return { ok: false, reason: "inconsistent", message: "The pictures did not all show the same person. Only you should be in front of the camera." };
      }
    }
  }
  return { ok: true, frames };
}

/** The best-scoring usable frames, at most MAX_FACE_TEMPLATES, to keep as templates. */
export function pickTemplates(frames: UsableFrame[]): UsableFrame[] {
  return [...frames].sort((a, b) => b.score - a.score).slice(0, MAX_FACE_TEMPLATES);
}

/** Median over the frames of each frame's best similarity to any template. */
export function matchScore(frames: UsableFrame[], templates: Float32Array[]): number {
  if (!frames.length || !templates.length) return -1;
  const best = frames.map((f) => Math.max(...templates.map((t) => cosine(f.descriptor, t)))).sort((a, b) => a - b);
  const mid = Math.floor(best.length / 2);
  return best.length % 2 ? best[mid] : (best[mid - 1] + best[mid]) / 2;
}

/** Templates travel and rest as base64 of the float32 bytes (inside the encrypted envelope). */
export const encodeDescriptor = (d: Float32Array) => Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString("base64");
export function decodeDescriptor(text: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
