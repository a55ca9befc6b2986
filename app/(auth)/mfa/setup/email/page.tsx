import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OtpSetupCard } from "@/components/mfa/otp-setup-card";
import { getCurrentSession } from "@/lib/auth/current";
import { otpChannelStatus } from "@/lib/mfa/otp-status";
import { STAGE_PATHS } from "@/lib/mfa/stages";
import { confirmForcedEmailAction, finishForcedEmailAction, startForcedEmailAction } from "./actions";

export const metadata: Metadata = { title: "Set up email codes" };

export default async function ForcedEmailSetupPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  if (ctx.session.stage !== "mfa_enroll") redirect(STAGE_PATHS[ctx.session.stage]);
  const status = await otpChannelStatus(ctx.user, "email");
  return <OtpSetupCard status={status} start={startForcedEmailAction} confirm={confirmForcedEmailAction} finish={finishForcedEmailAction} />;
}
