import { HUMAN_VENDOR_BASE } from "./face-vendor";

/**
 * Live capture guidance in the browser with @vladmandic/human (face detector only). It only helps the person frame
 * their face: the server computes and checks the descriptors itself and never trusts anything decided here.
 */

/** The slice of human's API used here (human.esm.js is loaded at run time from /vendor/human, not bundled). */
type Box = [number, number, number, number];
type HumanInstance = {
  load: () => Promise<void>;
  detect: (input: HTMLVideoElement) => Promise<{ face: { boxRaw: Box; score: number }[] }>;
};
type HumanModule = { Human: new (config: Record<string, unknown>) => HumanInstance };

export type Guidance = { ok: boolean; message: string };

let loading: Promise<HumanInstance> | null = null;

/** Loads human once per page: the bundle, the blazeface model and the tfjs wasm binaries, all from this origin. */
export function loadFaceDetector(): Promise<HumanInstance> {
  loading ??= (async () => {
    const base = new URL(HUMAN_VENDOR_BASE, window.location.origin).href;
    const { Human } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${base}human.esm.js`)) as HumanModule;
    const human = new Human({
      backend: "wasm",
      // Both MUST point here: human's built-in defaults are a CDN (jsdelivr) and a relative ../models/.
      wasmPath: `${base}wasm/`,
      modelBasePath: `${base}models/`,
      cacheModels: false, // the HTTP cache keeps them (immutable)
      warmup: "none",
      debug: false,
      cacheSensitivity: 0,
      filter: { enabled: false },
      gesture: { enabled: false },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      segmentation: { enabled: false },
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 3, minConfidence: 0.5, skipFrames: 0, skipTime: 0 },
        mesh: { enabled: false },
        attention: { enabled: false },
        iris: { enabled: false },
        emotion: { enabled: false },
        description: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
      },
    });
    await human.load();
    return human;
  })();
  loading.catch(() => {
    loading = null; // a later attempt may succeed (e.g. after a network hiccup)
  });
  return loading;
}

/** One face, big enough, roughly centred: what the server's quality checks will want too. */
export function guidanceFor(faces: { boxRaw: Box; score: number }[]): Guidance {
  if (!faces.length) return { ok: false, message: "No face found. Look at the camera, in good light." };
  if (faces.length > 1) return { ok: false, message: "More than one face is in view. Only you should be in the picture." };
  const [x, y, width, height] = faces[0].boxRaw;
  if (width < 0.22) return { ok: false, message: "Move a little closer to the camera." };
  if (width > 0.8 || height > 0.95) return { ok: false, message: "Move back a little." };
  const dx = x + width / 2 - 0.5;
  const dy = y + height / 2 - 0.5;
  if (Math.abs(dx) > 0.18 || Math.abs(dy) > 0.2) return { ok: false, message: "Centre your face in the frame." };
  return { ok: true, message: "Good. Hold still." };
}
