// Fake-camera videos for the face MFA spec: Chromium plays a y4m file as the webcam
// (--use-file-for-fake-video-capture). Built at test time, into the OS temp folder, from crops of a sample photo that
// ships inside the @vladmandic/face-api npm package (a devDependency): the photos are never copied into the repo.
// No ffmpeg: jpeg-js decodes, then a bilinear scale to 640×480 and BT.601 4:2:0 — one frame, which Chromium loops.
// (Avoid MJPEG: without standard Huffman tables Chromium shows solid green frames.)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const jpeg = require("jpeg-js");

const WIDTH = 640;
const HEIGHT = 480;
const SAMPLES = path.join(path.dirname(require.resolve("@vladmandic/face-api/package.json")), "demo");

/** Two different people, one face each, 4:3 crops (x, y, width, height) of sample1.jpg (1920×1280). */
export const FACES = {
  // Face box ≈ 774,381 328×328: the middle person.
  alice: { photo: "sample1.jpg", crop: [609, 303, 656, 492] },
  // Face box ≈ 1433,188 279×279: the person on the right; nobody else is inside this crop.
  other: { photo: "sample1.jpg", crop: [1272, 102, 600, 450] },
};

/** A sample photo of @vladmandic/face-api (sample1.jpg … sample6.jpg), decoded to RGBA. */
export function decodeSample(photo) {
  return jpeg.decode(readFileSync(path.join(SAMPLES, photo)), { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
}

/** RGBA pixels of the crop (x, y, width, height), scaled (bilinear) to width×height (640×480 unless given). */
export function cropScaled(image, [cx, cy, cw, ch], width = WIDTH, height = HEIGHT) {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(cy + ((y + 0.5) * ch) / height - 0.5, image.height - 1);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(y0 + 1, image.height - 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(cx + ((x + 0.5) * cw) / width - 0.5, image.width - 1);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(x0 + 1, image.width - 1);
      const fx = sx - x0;
      for (let c = 0; c < 3; c++) {
        const at = (px, py) => image.data[(py * image.width + px) * 4 + c];
        const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        out[(y * width + x) * 4 + c] = top * (1 - fy) + bottom * fy;
      }
      out[(y * width + x) * 4 + 3] = 255;
    }
  }
  return out;
}

/** One y4m frame: limited-range BT.601 Y, then U and V averaged over 2×2 blocks. */
function toY4m(rgba) {
  const y = Buffer.alloc(WIDTH * HEIGHT);
  const u = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2));
  const v = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2));
  for (let i = 0; i < WIDTH * HEIGHT; i++) {
    const [r, g, b] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
    y[i] = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
  }
  for (let by = 0; by < HEIGHT / 2; by++) {
    for (let bx = 0; bx < WIDTH / 2; bx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const i = ((by * 2 + dy) * WIDTH + bx * 2 + dx) * 4;
        r += rgba[i] / 4;
        g += rgba[i + 1] / 4;
        b += rgba[i + 2] / 4;
      }
      u[by * (WIDTH / 2) + bx] = Math.round(((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
      v[by * (WIDTH / 2) + bx] = Math.round(((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, "ascii");
  return Buffer.concat([header, y, u, v]);
}

/** RGBA pixels as a JPEG (Buffer) of the given quality. */
export function encodeJpeg(rgba, width = WIDTH, height = HEIGHT, quality = 90) {
  return jpeg.encode({ data: rgba, width, height }, quality).data;
}

/** One of FACES as a 640×480 JPEG (Buffer), as a camera frame would be. */
export function faceJpeg(name, quality = 90) {
  const { photo, crop } = FACES[name];
  return encodeJpeg(cropScaled(decodeSample(photo), crop), WIDTH, HEIGHT, quality);
}

/** Writes the y4m of one of FACES into the OS temp folder and returns its absolute path. */
export function fakeCameraFile(name) {
  const { photo, crop } = FACES[name];
  const image = decodeSample(photo);
  const dir = path.join(os.tmpdir(), "gatehouse-e2e-face");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.y4m`);
  writeFileSync(file, toY4m(cropScaled(image, crop)));
  return file;
}
