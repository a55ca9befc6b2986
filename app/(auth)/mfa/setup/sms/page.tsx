import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OtpSetupCard } from "@/components/mfa/otp-setup-card";
import { getCurrentSession } from "@/lib/auth/current";
import { otpChannelStatus } from "@/lib/mfa/otp-status";
import { STAGE_PATHS } from "@/lib/mfa/stages";
import { confirmForcedSmsAction, finishForcedSmsAction, startForcedSmsAction } from "./actions";

export const metadata: Metadata = { title: "Set up text-message codes" };

export default async function ForcedSmsSetupPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  if (ctx.session.stage !== "mfa_enroll") redirect(STAGE_PATHS[ctx.session.stage]);
  const status = await otpChannelStatus(ctx.user, "sms");
  return <OtpSetupCard status={status} start={startForcedSmsAction} confirm={confirmForcedSmsAction} finish={finishForcedSmsAction} />;
}
