"use client";

import { useRef } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { FaceCapture } from "./face-capture";

export type FaceStepActions = {
  faceBegin: () => Promise<ActionResult<{ challenge_id: string; expires_at: string }>>;
  faceFinish: (input: { challenge_id: string; frames: string[] }) => Promise<ActionResult<{ redirect: string }>>;
};

/**
 * The MFA step with facial recognition: a one-time challenge from the server right before the pictures are taken,
 * then the server compares them with the enrolled templates. Each try uses a new challenge.
 */
export function FaceVerify({ faceBegin, faceFinish }: FaceStepActions) {
  const challenge = useRef<string | null>(null);

  async function begin(): Promise<string | null> {
    const started = await faceBegin();
    if (!started.ok) return started.message;
    challenge.current = started.data.challenge_id;
    return null;
  }

  async function finish(frames: string[]): Promise<string | null> {
    const challengeId = challenge.current;
    challenge.current = null;
    if (!challengeId) return "Something went wrong. Try again.";
    const result = await faceFinish({ challenge_id: challengeId, frames });
    if (!result.ok) return result.fieldErrors?.frames?.[0] ?? result.message;
    window.location.assign(result.data.redirect);
    return null;
  }

  return <FaceCapture actionLabel="Verify with my face" beforeCapture={begin} onFrames={finish} />;
}
