import type { Metadata } from "next";
import { OtpChannelPage } from "@/components/mfa/otp-channel-page";
import { requireActor } from "@/lib/auth/current";
import { ownOtpChannelStatus } from "@/lib/mfa/otp-status";
import { confirmEmailAction, removeEmailAction, startEmailAction } from "./actions";

export const metadata: Metadata = { title: "Email code" };

export default async function ProfileEmailCodePage() {
  const status = await ownOtpChannelStatus(await requireActor(), "email");
  return <OtpChannelPage status={status} start={startEmailAction} confirm={confirmEmailAction} remove={removeEmailAction} />;
}
