import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/passwords/reset-password-form";
import { Card, CardBody } from "@/components/ui/card";
import { describePasswordLink, INVALID_LINK_MESSAGE } from "@/lib/passwords/reset-tokens";
import { getSettings } from "@/lib/settings/settings";
import { resetPasswordAction } from "./actions";

/** The token is in the URL: never send it on as a Referer, never index the page. */
export const metadata: Metadata = { title: "Choose a password", referrer: "no-referrer", robots: { index: false, follow: false } };

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const holder = await describePasswordLink(token);

  return (
    <Card>
      <CardBody className="space-y-6">
        <h1 className="text-xl font-semibold tracking-tight">Choose a password</h1>
        {holder ? (
          <ResetPasswordForm token={token} policy={(await getSettings()).password} context={holder} action={resetPasswordAction} />
        ) : (
          <div className="space-y-3 text-sm text-zinc-700">
            <p role="alert">{INVALID_LINK_MESSAGE}</p>
            <p>
              Ask for a new link from <Link href="/forgot-password" className={linkClass}>Forgot password</Link>, or{" "}
              <Link href="/login" className={linkClass}>sign in</Link>.
            </p>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
