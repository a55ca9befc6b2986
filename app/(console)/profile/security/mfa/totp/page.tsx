import type { Metadata } from "next";
import Link from "next/link";
import { TotpProfile } from "@/components/mfa/totp-profile";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { totpStatus } from "@/lib/mfa/totp-status";
import { beginTotpAction, confirmTotpAction, regenerateRecoveryCodesAction, removeTotpAction } from "./actions";

export const metadata: Metadata = { title: "Authenticator app" };

export default async function ProfileTotpPage() {
  const actor = await requireActor();
  const status = await totpStatus(actor.userId!);
  return (
    <div className="space-y-4">
      <Link href="/profile/security" className="inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        <span aria-hidden="true">← </span>Back to Security
      </Link>
      <Card aria-labelledby="totp-heading" className="max-w-2xl">
        <CardHeader id="totp-heading" title="Authenticator app" description="A code from an app on your phone proves it's you when you sign in." />
        <CardBody className="space-y-4">
          {status.backend_allowed ? null : (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
              Your administrator has not enabled authenticator apps as a second factor for your account, so you cannot set one up here.
              {status.enrolled ? " Your existing app is not asked for at sign-in while this is so." : null}
            </p>
          )}
          <TotpProfile status={status} begin={beginTotpAction} confirm={confirmTotpAction} regenerate={regenerateRecoveryCodesAction} remove={removeTotpAction} />
          {status.mfa_required && status.enrolled ? (
            <p className="text-xs text-zinc-500">A second factor is required for your account: add another method before removing this one.</p>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
