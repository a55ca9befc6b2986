import Link from "next/link";
import type { ComponentProps } from "react";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import type { OtpChannelStatus } from "@/lib/mfa/otp-schema";
import { OTP_CHANNEL_DESCRIPTIONS } from "./otp-copy";
import { OtpForcedSetup } from "./otp-forced-setup";

type Actions = Pick<ComponentProps<typeof OtpForcedSetup>, "start" | "confirm" | "finish">;

const TITLES = { sms: "Set up text-message codes", email: "Set up email codes" } as const;

/** Forced setup (stage mfa_enroll) for SMS or email codes (the body of both pages). */
export function OtpSetupCard({ status, ...actions }: Actions & { status: OtpChannelStatus }) {
  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{TITLES[status.channel]}</h1>
          <p className="mt-1 text-sm text-zinc-600">Your account needs a second factor before you can continue. {OTP_CHANNEL_DESCRIPTIONS[status.channel]}</p>
        </div>
        {status.allowed ? (
          <OtpForcedSetup channel={status.channel} initialPhone={status.channel === "sms" ? status.profile_target : null} email={status.channel === "email" ? status.profile_target : null} {...actions} />
        ) : (
          <p role="alert" className="text-sm text-zinc-700">
            {status.disabled_reason} Choose another method.
          </p>
        )}
        <div className="flex items-center justify-between border-t border-zinc-200 pt-4">
          <Link href="/mfa/setup" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Choose another method
          </Link>
          <SignOutButton />
        </div>
      </CardBody>
    </Card>
  );
}
