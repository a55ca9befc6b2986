import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentSession } from "@/lib/auth/current";
import { setupChoices } from "@/lib/mfa/setup";
import { STAGE_PATHS } from "@/lib/mfa/stages";
import { METHOD_LABELS } from "@/lib/mfa/types";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

const DESCRIPTIONS = {
  passkey: "Face, fingerprint or screen lock on this device, or a security key. The strongest choice.",
  totp: "A 6-digit code from an app such as FreeOTP, Aegis or Google Authenticator.",
  sms: "A code texted to your phone.",
  email: "A code sent to your email address (lower assurance).",
} as const;

/** Forced enrollment (stage mfa_enroll): the person picks one of the methods the administrator has enabled. */
export default async function MfaSetupPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  if (ctx.session.stage !== "mfa_enroll") redirect(STAGE_PATHS[ctx.session.stage]);
  const { methods, reason } = await setupChoices(ctx.user);
  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Set up two-factor authentication</h1>
          <p className="mt-1 text-sm text-zinc-600">{reason} Add a second factor to continue.</p>
        </div>
        {methods.length ? (
          <ul className="space-y-2">
            {methods.map((method) => (
              <li key={method}>
                <Link
                  href={`/mfa/setup/${method}`}
                  className="block rounded-md border border-zinc-200 px-4 py-3 hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <span className="block text-sm font-medium text-zinc-900">{METHOD_LABELS[method]}</span>
                  <span className="mt-0.5 block text-sm text-zinc-600">{DESCRIPTIONS[method]}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p role="alert" className="text-sm text-red-700">
            No second-factor method is enabled for your account, so you cannot finish signing in. Ask an administrator to enable one in Settings → MFA.
          </p>
        )}
        <div className="flex justify-center border-t border-zinc-200 pt-4">
          <SignOutButton />
        </div>
      </CardBody>
    </Card>
  );
}
