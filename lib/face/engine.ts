import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import jpeg from "jpeg-js";
import { AppError } from "../errors";
import { DESCRIPTOR_LENGTH } from "./model";

/**
 * Face detection and descriptors on the server: @vladmandic/human 3.3.6 (its node-wasm build, on
 * @tensorflow/tfjs-backend-wasm; nothing native, nothing downloaded). The weights are the ones shipped inside the npm
 * package (models/): blazeface (detector), facemesh (alignment), faceres (1024-D descriptor), antispoof and liveness.
 * The browser only helps the person frame their face; every decision is taken from what is computed here.
 */

export { FACE_MODEL } from "./model";

/** One face found in an image. */
export type DetectedFace = {
  /** Detector confidence, 0..1. */
  score: number;
  /** Face box in pixels of the analysed image: x, y, width, height. */
  box: [number, number, number, number];
  /** Yaw, pitch, roll in radians (0 = facing the camera), when the mesh gives them. */
  angle: { yaw: number; pitch: number; roll: number } | null;
  /** L2-normalised 1024-D descriptor; null when the model could not describe the face. */
  descriptor: Float32Array | null;
  /** human's antispoof ("real") and liveness scores, 0..1: weak signals only (a still photo scores high). */
  real: number | null;
  live: number | null;
};

export type DecodeLimits = { maxWidth: number; maxHeight: number };

type Tensor = { dispose(): void };
type HumanFace = {
  score: number;
  box: [number, number, number, number];
  embedding?: number[];
  real?: number;
  live?: number;
  rotation?: { angle?: { yaw: number; pitch: number; roll: number } } | null;
};
type HumanInstance = {
  tf: {
    tensor: (values: Float32Array, shape: number[], dtype: "float32") => Tensor;
    io: { registerLoadRouter: (router: (url: string | string[]) => unknown) => void };
    setBackend?: (name: string) => Promise<boolean>;
  };
  load: () => Promise<void>;
  warmup: () => Promise<unknown>;
  detect: (input: Tensor) => Promise<{ face: HumanFace[] }>;
};

const HUMAN_DIR = () => path.join(process.cwd(), "node_modules", "@vladmandic", "human");
const WASM_DIR = () => path.join(process.cwd(), "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist") + path.sep;
/** Model URLs use this scheme; the load router below reads them from the package's models/ folder and nowhere else. */
const MODEL_SCHEME = "gatehouse-models://";

/**
 * tfjs model loading without fetch: human asks for MODEL_SCHEME/<name>.json, this reads the JSON and its weight
 * files from disk (names checked against the folder, never a path from outside).
 */
function modelLoadRouter(url: string | string[]) {
  if (typeof url !== "string" || !url.startsWith(MODEL_SCHEME)) return null;
  const name = url.slice(MODEL_SCHEME.length);
  if (!/^[a-z0-9-]+\.json$/.test(name)) return null;
  const dir = path.join(HUMAN_DIR(), "models");
  return {
    load: async () => {
      const model = JSON.parse(await readFile(path.join(dir, name), "utf8")) as {
        modelTopology: unknown;
        weightsManifest: { paths: string[]; weights: unknown[] }[];
        format?: string;
        generatedBy?: string;
        convertedBy?: string;
        signature?: unknown;
        userDefinedMetadata?: unknown;
        modelInitializer?: unknown;
      };
      const buffers: Buffer[] = [];
      const weightSpecs: unknown[] = [];
      for (const group of model.weightsManifest) {
        for (const file of group.paths) {
          if (!/^[a-z0-9.-]+\.bin$/.test(file)) throw new Error(`unexpected weight file name ${file}`);
          buffers.push(await readFile(path.join(dir, file)));
        }
        weightSpecs.push(...group.weights);
      }
      const weights = Buffer.concat(buffers);
      return {
        modelTopology: model.modelTopology,
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy,
        signature: model.signature,
        userDefinedMetadata: model.userDefinedMetadata,
        modelInitializer: model.modelInitializer,
        weightSpecs,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      };
    },
  };
}

const CONFIG = {
  backend: "wasm",
  wasmPath: "", // set at load time (an absolute folder in node_modules)
  modelBasePath: MODEL_SCHEME,
  debug: false,
  warmup: "none",
  // Stills, not a video stream: never reuse the previous image's results.
  cacheSensitivity: 0,
  cacheModels: false,
  filter: { enabled: false },
  gesture: { enabled: false },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
  face: {
    enabled: true,
    detector: { rotation: true, maxDetected: 5, minConfidence: 0.5, skipFrames: 0, skipTime: 0 },
    mesh: { enabled: true },
    attention: { enabled: false },
    iris: { enabled: false },
    emotion: { enabled: false },
    description: { enabled: true, skipFrames: 0, skipTime: 0 },
    antispoof: { enabled: true, skipFrames: 0, skipTime: 0 },
    liveness: { enabled: true, skipFrames: 0, skipTime: 0 },
  },
};

let loading: Promise<HumanInstance> | null = null;

/**
 * human is loaded once per process, on first use (about 1 s), by file path: the package's `exports` map has no
 * entry for the node-wasm build, and it must stay outside any bundle (it requires tfjs at run time).
 */
function loadHuman(): Promise<HumanInstance> {
  loading ??= (async () => {
    const { createRequire } = process.getBuiltinModule("node:module") as typeof import("node:module");
    const requireFromHere = createRequire(path.join(process.cwd(), "package.json"));
    const { Human } = requireFromHere(path.join(HUMAN_DIR(), "dist", "human.node-wasm.js")) as { Human: new (config: unknown) => HumanInstance };
    const wasm = requireFromHere("@tensorflow/tfjs-backend-wasm") as { setWasmPaths: (prefix: string) => void };
    wasm.setWasmPaths(WASM_DIR());
    const human = new Human({ ...CONFIG, wasmPath: WASM_DIR() });
    human.tf.io.registerLoadRouter(modelLoadRouter);
    await human.load();
    return human;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

function normalize(values: number[]): Float32Array | null {
  if (values.length !== DESCRIPTOR_LENGTH) return null;
  let sum = 0;
  for (const v of values) sum += v * v;
  const norm = Math.sqrt(sum);
  if (!Number.isFinite(norm) || norm === 0) return null;
  return Float32Array.from(values, (v) => v / norm);
}

/** Cosine similarity of two L2-normalised descriptors (their dot product), -1..1. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot;
}

/** Decoded RGB pixels (3 bytes per pixel). */
export type RgbImage = { width: number; height: number; data: Uint8Array };

const tooBig = (limits: DecodeLimits) => `Pictures must be between 64×64 and ${limits.maxWidth}×${limits.maxHeight} pixels.`;

/**
 * Decodes a JPEG, refusing anything bigger than the limits before allocating its pixels (decompression bombs) and
 * anything that is not a JPEG. Throws AppError("validation") with a message fit for the person.
 */
export function decodeJpeg(bytes: Uint8Array, limits: DecodeLimits): RgbImage {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new AppError("validation", "A picture is not a JPEG image.");
  let image;
  try {
    image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: (limits.maxWidth * limits.maxHeight) / 1_000_000 + 0.01,
      maxMemoryUsageInMB: 64,
    });
  } catch (error) {
    if (error instanceof Error && /maxResolutionInMP|maxMemoryUsageInMB/.test(error.message)) throw new AppError("validation", tooBig(limits));
    throw new AppError("validation", "A picture could not be read.");
  }
  if (image.width > limits.maxWidth || image.height > limits.maxHeight || image.width < 64 || image.height < 64) {
    throw new AppError("validation", tooBig(limits));
  }
  return { width: image.width, height: image.height, data: image.data };
}

/** Detections run one at a time (the wasm backend uses one core); this many may wait, then callers are told to retry. */
const MAX_WAITING = 4;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

async function exclusive<T>(task: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_WAITING) throw new AppError("rate_limited", "Face checks are busy right now. Try again in a moment.", { retryAfterSeconds: 5 });
  waiting++;
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    waiting--;
  }
}

/** Every face in each image, in one queued turn (each image is about 0.2–0.3 s for 640×480 on this hardware). */
export function detectFaces(images: RgbImage[]): Promise<DetectedFace[][]> {
  return exclusive(async () => {
    const human = await loadHuman();
    const results: DetectedFace[][] = [];
    for (const image of images) {
      const pixels = new Float32Array(image.width * image.height * 3);
      for (let i = 0; i < pixels.length; i++) pixels[i] = image.data[i];
      const input = human.tf.tensor(pixels, [1, image.height, image.width, 3], "float32");
      try {
        const { face } = await human.detect(input);
        results.push(
          face.map((f) => ({
            score: f.score,
            box: f.box,
            angle: f.rotation?.angle ?? null,
            descriptor: f.embedding ? normalize(f.embedding) : null,
            real: typeof f.real === "number" ? f.real : null,
            live: typeof f.live === "number" ? f.live : null,
          })),
        );
      } finally {
        input.dispose();
      }
    }
    return results;
  });
}
