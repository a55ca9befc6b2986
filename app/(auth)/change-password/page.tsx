import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/passwords/change-password-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { getCurrentSession } from "@/lib/auth/current";
import { PASSWORD_CHANGE_STAGES } from "@/lib/passwords/change";
import { getSettings } from "@/lib/settings/settings";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

/** Where a session that is not at a password stage has to go instead. */
const ELSEWHERE: Record<string, string> = { mfa: "/login/mfa", mfa_enroll: "/mfa/setup" };

export default async function ChangePasswordPage() {
  const ctx = await getCurrentSession();
  if (!ctx) redirect("/login");
  const { session, user } = ctx;
  if (!(PASSWORD_CHANGE_STAGES as readonly string[]).includes(session.stage)) redirect(ELSEWHERE[session.stage] ?? "/login");
  const forced = session.stage === "password_change";
  const local = user.authSource === "internal" && !user.isServiceAccount;
  const { password: policy } = await getSettings();

  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{forced ? "Choose a new password" : "Change your password"}</h1>
          <p className="mt-1 text-sm text-zinc-600">
            {forced ? "Your password has to be changed before you can continue." : "Your other sessions will be signed out."}
          </p>
        </div>
        {local ? (
          <ChangePasswordForm policy={policy} context={{ username: user.username, email: user.email }} action={changePasswordAction} next="/admin" />
        ) : (
          <p className="text-sm text-zinc-700">Your password is managed by your sign-in source ({user.authSource}); change it there.</p>
        )}
        {forced ? (
          <div className="flex justify-center border-t border-zinc-200 pt-4">
            <SignOutButton />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
