import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PasskeySetup } from "@/components/mfa/passkey-register";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentSession } from "@/lib/auth/current";
import { setupChoices } from "@/lib/mfa/setup";
import { STAGE_PATHS } from "@/lib/mfa/stages";
import { beginSetupPasskeyAction, finishSetupPasskeyAction } from "./actions";

export const metadata: Metadata = { title: "Set up a passkey" };

/** Forced enrollment with a passkey (stage mfa_enroll). */
export default async function PasskeySetupPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  if (ctx.session.stage !== "mfa_enroll") redirect(STAGE_PATHS[ctx.session.stage]);
  const { methods } = await setupChoices(ctx.user);
  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Set up a passkey</h1>
          <p className="mt-1 text-sm text-zinc-600">
            Your browser will ask you to create a passkey with your face, fingerprint, screen lock or a security key. It becomes your second factor for {ctx.user.username}.
          </p>
        </div>
        {methods.includes("passkey") ? (
          <PasskeySetup begin={beginSetupPasskeyAction} finish={finishSetupPasskeyAction} />
        ) : (
          <p role="alert" className="text-sm text-red-700">
            Passkeys are not enabled by your administrator. Choose another method.
          </p>
        )}
        <div className="flex items-center justify-between border-t border-zinc-200 pt-4">
          <Link href="/mfa/setup" className="text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
            ← Other methods
          </Link>
          <SignOutButton />
        </div>
      </CardBody>
    </Card>
  );
}
