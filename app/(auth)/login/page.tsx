import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SignInButtons } from "@/components/auth/sign-in-buttons";
import { PasskeySignInButton } from "@/components/mfa/passkey-sign-in-button";
import { Card, CardBody } from "@/components/ui/card";
import { signInButtons } from "@/lib/auth-sources/queries";
import { getActor } from "@/lib/auth/current";
import { signInErrorMessage } from "@/lib/auth/schema";
import { passwordlessEnabled } from "@/lib/mfa/passkey-authenticate";
import { getSettings } from "@/lib/settings/settings";
import { beginPasskeySignInAction } from "./passkey-actions";

export const metadata: Metadata = { title: "Sign in" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeCallback(value: string | string[] | undefined): string {
  const path = first(value);
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/admin";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const [buttons, settings] = await Promise.all([signInButtons(), getSettings()]);
  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
          <p className="mt-1 text-sm text-zinc-600">Use your username or email address.</p>
        </div>
        <LoginForm callbackUrl={callbackUrl} initialError={signInErrorMessage(first(params.error))} />
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Forgot password?
          </Link>
        </p>
        {passwordlessEnabled(settings.mfa) ? <PasskeySignInButton begin={beginPasskeySignInAction} callbackUrl={callbackUrl} /> : null}
        <SignInButtons buttons={buttons} callbackUrl={callbackUrl} />
      </CardBody>
    </Card>
  );
}
