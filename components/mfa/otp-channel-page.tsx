import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { OtpChannelStatus } from "@/lib/mfa/otp-schema";
import { METHOD_LABELS } from "@/lib/mfa/types";
import { OtpChannelProfile, type OtpChannelProfileProps } from "./otp-channel-profile";
import { OTP_CHANNEL_DESCRIPTIONS } from "./otp-copy";

/** Profile → Security → SMS / email codes (the body of both pages). */
export function OtpChannelPage({ status, ...actions }: OtpChannelProfileProps & { status: OtpChannelStatus }) {
  const heading = `otp-${status.channel}-heading`;
  return (
    <div className="space-y-4">
      <Link href="/profile/security" className="inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        <span aria-hidden="true">← </span>Back to Security
      </Link>
      <Card aria-labelledby={heading} className="max-w-2xl">
        <CardHeader id={heading} title={METHOD_LABELS[status.channel]} description={OTP_CHANNEL_DESCRIPTIONS[status.channel]} />
        <CardBody className="space-y-4">
          {status.allowed ? null : (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
              {status.disabled_reason} {status.enrolled ? "Codes to your confirmed destination are not offered at sign-in while this is so." : "You cannot set this method up here."}
            </p>
          )}
          <OtpChannelProfile status={status} {...actions} />
          {status.required && status.enrolled ? (
            <p className="text-xs text-zinc-500">A second factor is required for your account: add another method before removing this one.</p>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
