import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { TotpForcedSetup } from "@/components/mfa/totp-forced-setup";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentSession } from "@/lib/auth/current";
import { STAGE_PATHS } from "@/lib/mfa/stages";
import { totpStatus } from "@/lib/mfa/totp-status";
import { beginForcedTotpAction, confirmForcedTotpAction, finishForcedTotpAction } from "./actions";

export const metadata: Metadata = { title: "Set up an authenticator app" };

export default async function ForcedTotpSetupPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  if (ctx.session.stage !== "mfa_enroll") redirect(STAGE_PATHS[ctx.session.stage]);
  const status = await totpStatus(ctx.user.id);

  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Set up an authenticator app</h1>
          <p className="mt-1 text-sm text-zinc-600">Your account needs a second factor before you can continue.</p>
        </div>
        {status.backend_allowed ? (
          <TotpForcedSetup confirmed={status.enrolled} begin={beginForcedTotpAction} confirm={confirmForcedTotpAction} finish={finishForcedTotpAction} />
        ) : (
          <p className="text-sm text-zinc-700">Authenticator apps are not enabled for your account. Choose another method.</p>
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
