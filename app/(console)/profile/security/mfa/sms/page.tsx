import type { Metadata } from "next";
import { OtpChannelPage } from "@/components/mfa/otp-channel-page";
import { requireActor } from "@/lib/auth/current";
import { ownOtpChannelStatus } from "@/lib/mfa/otp-status";
import { confirmSmsAction, removeSmsAction, startSmsAction } from "./actions";

export const metadata: Metadata = { title: "Text message (SMS)" };

export default async function ProfileSmsPage() {
  const status = await ownOtpChannelStatus(await requireActor(), "sms");
  return <OtpChannelPage status={status} start={startSmsAction} confirm={confirmSmsAction} remove={removeSmsAction} />;
}
