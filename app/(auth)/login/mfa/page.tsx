import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaStep } from "@/components/mfa/mfa-step";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentSession } from "@/lib/auth/current";
import { STAGE_PATHS } from "@/lib/mfa/stages";
import { stepOptions } from "@/lib/mfa/step";
import { faceBeginAction, faceFinishAction, passkeyBeginAction, passkeyFinishAction, sendCodeAction, verifyCodeAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function MfaStepPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  if (ctx.session.stage !== "mfa") redirect(STAGE_PATHS[ctx.session.stage]);
  const options = await stepOptions(ctx);
  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Two-factor authentication</h1>
          <p className="mt-1 text-sm text-zinc-600">Signing in as {ctx.user.username}. Confirm it&apos;s you with your second factor.</p>
        </div>
        <MfaStep
          methods={options.methods}
          recoveryCodes={options.recovery_codes}
          actions={{
            verify: verifyCodeAction,
            send: sendCodeAction,
            passkeyBegin: passkeyBeginAction,
            passkeyFinish: passkeyFinishAction,
            faceBegin: faceBeginAction,
            faceFinish: faceFinishAction,
          }}
        />
        <div className="flex justify-center border-t border-zinc-200 pt-4">
          <SignOutButton />
        </div>
      </CardBody>
    </Card>
  );
}
