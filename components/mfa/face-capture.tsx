"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FACE_FRAMES } from "@/lib/mfa/face-schema";
import { guidanceFor, loadFaceDetector, type Guidance } from "./face-guidance";

/** Frames taken per capture, spread over about two seconds. */
const FRAME_COUNT = Math.min(FACE_FRAMES.max, Math.max(FACE_FRAMES.min, 5));
const FRAME_INTERVAL_MS = 450;
/** The server refuses bigger frames; JPEG quality steps down until a frame fits. */
const MAX_FRAME_CHARS = 400_000;
const QUALITIES = [0.85, 0.7, 0.55, 0.4];

type Phase = "idle" | "starting" | "ready" | "capturing" | "uploading" | "done" | "blocked";

export type FaceCaptureProps = {
  /** The capture button, e.g. "Capture and save" or "Verify with my face". */
  actionLabel: string;
  /** Runs right before capturing (e.g. asks the server for a one-time challenge); a message means "stop, show this". */
  beforeCapture?: () => Promise<string | null>;
  /** Receives the JPEG frames (base64, no data: prefix); a message means it failed and the person may try again. */
  onFrames: (frames: string[]) => Promise<string | null>;
  /** Why capturing is not possible yet (e.g. consent not given), shown next to the disabled button. */
  blockedReason?: string | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cameraErrorMessage(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === "NotAllowedError" || name === "SecurityError")
    return "Camera access is blocked. Allow the camera for this site (usually the camera icon in the address bar), then try again, or use another method.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No camera was found. Connect one and try again, or use another method.";
  if (name === "NotReadableError") return "The camera is in use by another app. Close it and try again.";
  return "The camera could not be started. Try again, or use another method.";
}

/** One video frame as a JPEG of at most 640×480, base64 without the data: prefix. */
function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): string {
  const scale = Math.min(1, FACE_FRAMES.width / video.videoWidth, FACE_FRAMES.height / video.videoHeight);
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d")!.drawImage(video, 0, 0, canvas.width, canvas.height);
  let data = "";
  for (const quality of QUALITIES) {
    data = canvas.toDataURL("image/jpeg", quality).slice("data:image/jpeg;base64,".length);
    if (data.length <= MAX_FRAME_CHARS) break;
  }
  return data;
}

/**
 * The camera part of face enrollment and of the MFA step: a preview with live guidance (when the detector loads;
 * capturing works without it), then a few frames over about two seconds. The camera is turned off as soon as it is
 * no longer needed, and always when the component goes away.
 */
export function FaceCapture({ actionLabel, beforeCapture, onFrames, blockedReason }: FaceCaptureProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string | null>(null);
  const [guidance, setGuidance] = useState<Guidance | null>(null);
  const [guidanceOff, setGuidanceOff] = useState(false);
  const [taken, setTaken] = useState(0);

  const stopCamera = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  useEffect(() => stopCamera, [stopCamera]);

  // Guidance loop: while the preview is shown and nothing else is running, one detection at a time.
  useEffect(() => {
    if (phase !== "ready") return;
    let cancelled = false;
    (async () => {
      let detector;
      try {
        detector = await loadFaceDetector();
      } catch (loadError) {
        console.warn("face guidance unavailable", loadError);
        if (!cancelled) setGuidanceOff(true);
        return;
      }
      while (!cancelled && videoRef.current) {
        try {
          const result = await detector.detect(videoRef.current);
          if (cancelled) break;
          const next = guidanceFor(result.face);
          setGuidance((previous) => (previous?.message === next.message ? previous : next));
        } catch (detectError) {
          console.warn("face guidance failed", detectError);
          if (!cancelled) setGuidanceOff(true);
          return;
        }
        await sleep(300);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [phase]);

  async function startCamera() {
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setPhase("blocked");
      return setError("This browser cannot use a camera here (a secure https connection is needed). Use another method.");
    }
    setPhase("starting");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { width: { ideal: FACE_FRAMES.width }, height: { ideal: FACE_FRAMES.height }, facingMode: "user" },
      });
      streamRef.current = stream;
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      setPhase("ready");
      void loadFaceDetector().catch(() => setGuidanceOff(true)); // start fetching while the person gets ready
    } catch (cameraError) {
      stopCamera();
      setPhase("blocked");
      setError(cameraErrorMessage(cameraError));
    }
  }

  async function capture() {
    const video = videoRef.current;
    const canvas = canvasRef.current;
    if (!video || !canvas || !streamRef.current) return;
    setError(null);
    setPhase("capturing");
    setTaken(0);
    const refused = beforeCapture ? await beforeCapture() : null;
    if (refused) {
      setPhase("ready");
      return setError(refused);
    }
    const frames: string[] = [];
    for (let i = 0; i < FRAME_COUNT; i++) {
      if (i > 0) await sleep(FRAME_INTERVAL_MS);
      frames.push(grabFrame(video, canvas));
      setTaken(i + 1);
    }
    setPhase("uploading");
    const failed = await onFrames(frames);
    if (failed) {
      setPhase("ready");
      return setError(failed);
    }
    stopCamera();
    setPhase("done");
  }

  const status =
    phase === "starting"
      ? "Asking for your camera… Allow it if your browser asks."
      : phase === "capturing"
        ? `Hold still: taking pictures (${taken} of ${FRAME_COUNT})…`
        : phase === "uploading"
          ? "Checking your face…"
          : phase === "done"
            ? "Done. The camera is off."
            : phase === "ready"
              ? guidanceOff
                ? "Live guidance is not available. Centre your face, in good light, and hold still."
                : (guidance?.message ?? "Starting face guidance…")
              : "";
  const live = phase === "ready" || phase === "capturing" || phase === "uploading";

  return (
    <div className="space-y-3">
      <div className={live ? "overflow-hidden rounded-md border border-zinc-200 bg-zinc-900" : "hidden"}>
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label="Camera preview"
          className="aspect-[4/3] w-full -scale-x-100 object-cover"
        />
      </div>
      <canvas ref={canvasRef} hidden />
      <p role="status" aria-live="polite" className={status ? `text-sm ${guidance?.ok && phase === "ready" ? "text-green-700" : "text-zinc-700"}` : "sr-only"}>
        {status}
      </p>
      <FormAlert>{error}</FormAlert>
      {phase === "idle" || phase === "starting" || phase === "blocked" ? (
        <Button type="button" className="w-full" loading={phase === "starting"} onClick={startCamera}>
          {phase === "blocked" ? "Try the camera again" : "Turn on camera"}
        </Button>
      ) : phase !== "done" ? (
        <div className="space-y-2">
          <Button type="button" className="w-full" loading={phase !== "ready"} disabled={!!blockedReason} aria-describedby={blockedReason ? "face-capture-blocked" : undefined} onClick={capture}>
            {actionLabel}
          </Button>
          {blockedReason ? (
            <p id="face-capture-blocked" className="text-xs text-zinc-600">
              {blockedReason}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
