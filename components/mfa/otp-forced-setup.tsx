"use client";

import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action";
import { OtpChannelSetup, type OtpChannelSetupProps } from "./otp-channel-setup";

type Props = Omit<OtpChannelSetupProps, "onEnrolled"> & {
  finish: (input: Record<string, never>) => Promise<ActionResult<{ next: string }>>;
};

/** Forced setup during sign-in: no "confirm it's you" (the password was just proved); once confirmed, on to the next stage. */
export function OtpForcedSetup({ finish, ...props }: Props) {
  const [error, setError] = useState<string | null>(null);

  async function proceed() {
    setError(null);
    const result = await finish({});
    // A full navigation, so the server reads the session's new stage.
    if (result.ok) return window.location.assign(result.data.next);
    setError(result.message);
  }

  return (
    <div className="space-y-4">
      <OtpChannelSetup {...props} onEnrolled={proceed} />
      <FormAlert>{error}</FormAlert>
    </div>
  );
}
