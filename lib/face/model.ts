/** Stored with each template: templates from another model (or version) are never compared with this one's. */
export const FACE_MODEL = "human-3.3.6/faceres";
/** faceres descriptors have 1024 dimensions. */
export const DESCRIPTOR_LENGTH = 1024;

/**
 * What lib/face/calibration.test.ts measures with the current model and threshold (the test fails when a figure
 * here no longer holds). Shown to admins in Settings → MFA and written in the README.
 */
export const FACE_CALIBRATION = {
  threshold: 0.72,
  faces: 22,
  impostorPairs: 1554,
  impostorMax: 0.67,
  falseAccepts: 0,
  genuinePairs: 63,
  genuineMin: 0.75,
  falseRejects: 0,
} as const;
