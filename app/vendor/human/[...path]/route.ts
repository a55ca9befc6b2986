import { readFile } from "node:fs/promises";
import path from "node:path";
import { HUMAN_VERSION } from "@/components/mfa/face-vendor";

/**
 * The face-capture guidance runs @vladmandic/human in the browser. Gatehouse serves it itself, straight from
 * node_modules (no CDN, nothing copied into public/), under /vendor/human/<version>/: the bundle, the face detector
 * (blazeface: guidance only needs face boxes) and the tfjs wasm binaries. Only the files listed below are served;
 * every other path is a 404, so nothing from the URL ever reaches the file system. Public on purpose: the sign-in
 * MFA step (a pending session, no actor yet) needs it, and none of it is secret.
 */
const HUMAN = "@vladmandic/human";
const WASM = "@tensorflow/tfjs-backend-wasm/dist";

const FILES: Record<string, { file: string; type: string }> = {
  "human.esm.js": { file: `${HUMAN}/dist/human.esm.js`, type: "text/javascript; charset=utf-8" },
  "models/blazeface.json": { file: `${HUMAN}/models/blazeface.json`, type: "application/json" },
  "models/blazeface.bin": { file: `${HUMAN}/models/blazeface.bin`, type: "application/octet-stream" },
  "wasm/tfjs-backend-wasm.wasm": { file: `${WASM}/tfjs-backend-wasm.wasm`, type: "application/wasm" },
  "wasm/tfjs-backend-wasm-simd.wasm": { file: `${WASM}/tfjs-backend-wasm-simd.wasm`, type: "application/wasm" },
  "wasm/tfjs-backend-wasm-threaded-simd.wasm": { file: `${WASM}/tfjs-backend-wasm-threaded-simd.wasm`, type: "application/wasm" },
};

const NODE_MODULES = path.join(process.cwd(), "node_modules");

/** Guards against serving a bundle under another version's URL (a year-long cache would keep it). */
const installedVersion = readFile(path.join(NODE_MODULES, HUMAN, "package.json"), "utf8").then((text) => {
  const version = (JSON.parse(text) as { version?: string }).version;
  if (version !== HUMAN_VERSION) console.error(`vendor/human: installed ${HUMAN} is ${version}, but HUMAN_VERSION says ${HUMAN_VERSION}; face guidance is off until they agree.`);
  return version;
}).catch(() => null);

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const [version, ...rest] = (await params).path;
  const name = rest.join("/");
  if (version !== HUMAN_VERSION || !Object.hasOwn(FILES, name) || (await installedVersion) !== HUMAN_VERSION) return notFound();
  const body = await readFile(path.join(NODE_MODULES, FILES[name].file)).catch(() => null);
  if (!body) return notFound();
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": FILES[name].type,
      "Content-Length": String(body.byteLength),
      // The version is in the path: a new package version is a new URL.
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
