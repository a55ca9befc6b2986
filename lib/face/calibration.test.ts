import { describe, expect, it } from "vitest";
import { cropScaled, decodeSample, encodeJpeg } from "@/e2e/support/face-camera.mjs";
import { cosine, decodeJpeg, detectFaces, type DetectedFace } from "./engine";
import { FACE_MATCH_THRESHOLD } from "./match";
import { FACE_CALIBRATION } from "./model";

/**
 * Calibration of FACE_MATCH_THRESHOLD on the only face photos we may use in tests: the six group photos shipped in
 * the @vladmandic/face-api package (22 faces, read from node_modules, never copied). Every face is cut out as a
 * 640×480 "camera frame" (its template), then probed with three altered frames of the same face — mirrored,
 * half-size, darker and recompressed at JPEG quality 30 — as genuine attempts; every probe is also an impostor
 * attempt against the 21 other faces' templates. The figures are printed and written into the admin-facing limits
 * (components/mfa/face-limits.tsx) and the README. They prove separation on this tiny set, not real-world accuracy.
 */

type Rgba = { width: number; height: number; data: Uint8Array | Uint8ClampedArray };
const FRAME = { width: 640, height: 480 };
const LIMITS = { maxWidth: 640, maxHeight: 480 };

/** A 4:3 crop around a face box with the face about 40 % of the crop's width, as a webcam would show it. */
function frameAround(image: Rgba, [x, y, w, h]: DetectedFace["box"], scale = 1): Buffer {
  const cw = w / 0.4;
  const ch = (cw * 3) / 4;
  const width = Math.round(FRAME.width * scale);
  const height = Math.round(FRAME.height * scale);
  return encodeJpeg(cropScaled(image, [x + w / 2 - cw / 2, y + h / 2 - ch / 2, cw, ch], width, height), width, height, 90);
}

function mirrored(jpeg: Buffer): Buffer {
  const { width, height, data } = decodeJpeg(jpeg, LIMITS);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) out[(y * width + x) * 4 + c] = data[(y * width + (width - 1 - x)) * 3 + c];
  return encodeJpeg(out, width, height, 90);
}

function darkRecompressed(jpeg: Buffer): Buffer {
  const { width, height, data } = decodeJpeg(jpeg, LIMITS);
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(data[i * 3 + c] * 0.6);
  return encodeJpeg(out, width, height, 30);
}

/** The descriptor of the face nearest the frame's centre. */
async function describe1(jpeg: Buffer): Promise<Float32Array | null> {
  const image = decodeJpeg(jpeg, LIMITS);
  const [faces] = await detectFaces([image]);
  const centred = faces
    .filter((f) => f.descriptor)
    .sort((a, b) => Math.hypot(a.box[0] + a.box[2] / 2 - image.width / 2, a.box[1] + a.box[3] / 2 - image.height / 2) - Math.hypot(b.box[0] + b.box[2] / 2 - image.width / 2, b.box[1] + b.box[3] / 2 - image.height / 2));
  return centred[0]?.descriptor ?? null;
}

describe("face matching calibration on the sample photos", () => {
  it("separates the same face from other people's at FACE_MATCH_THRESHOLD", async () => {
    const people: { template: Float32Array; probes: Float32Array[] }[] = [];
    for (let n = 1; n <= 6; n++) {
      const photo = decodeSample(`sample${n}.jpg`);
      const rgb = new Uint8Array(photo.width * photo.height * 3);
      for (let i = 0; i < photo.width * photo.height; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = photo.data[i * 4 + c];
      const [faces] = await detectFaces([{ width: photo.width, height: photo.height, data: rgb }]);
      for (const face of faces.filter((f) => f.score >= 0.8)) {
        const frame = frameAround(photo, face.box);
        const template = await describe1(frame);
        if (!template) continue;
        const probes = (await Promise.all([describe1(mirrored(frame)), describe1(frameAround(photo, face.box, 0.5)), describe1(darkRecompressed(frame))])).filter(
          (d): d is Float32Array => d !== null,
        );
        people.push({ template, probes });
      }
    }

    const genuine = people.flatMap((p) => p.probes.map((probe) => cosine(probe, p.template)));
    const impostor = people.flatMap((p, i) => [
      ...people.filter((_, j) => j > i).map((q) => cosine(p.template, q.template)),
      ...people.filter((_, j) => j !== i).flatMap((q) => p.probes.map((probe) => cosine(probe, q.template))),
    ]);
    const falseRejects = genuine.filter((s) => s < FACE_MATCH_THRESHOLD).length;
    const falseAccepts = impostor.filter((s) => s >= FACE_MATCH_THRESHOLD).length;
    const figures = {
      faces: people.length,
      genuine_pairs: genuine.length,
      genuine_min: Math.min(...genuine).toFixed(3),
      impostor_pairs: impostor.length,
      impostor_max: Math.max(...impostor).toFixed(3),
      threshold: FACE_MATCH_THRESHOLD,
      false_rejects: falseRejects,
      false_accepts: falseAccepts,
    };
    console.log("face calibration", figures);

    // The figures admins are shown (Settings → MFA) and the README states must be the ones measured here.
    expect({
      faces: people.length,
      impostorPairs: impostor.length,
      impostorMax: Math.round(Math.max(...impostor) * 100) / 100,
      falseAccepts,
      genuinePairs: genuine.length,
      genuineMin: Math.round(Math.min(...genuine) * 100) / 100,
      falseRejects,
    }).toEqual({ ...FACE_CALIBRATION, threshold: undefined });
    // A margin both ways, so a model or pipeline change that erodes it is noticed here first.
    expect(Math.max(...impostor)).toBeLessThan(FACE_MATCH_THRESHOLD - 0.03);
    expect(Math.min(...genuine)).toBeGreaterThan(FACE_MATCH_THRESHOLD + 0.02);
  }, 240_000);
});
