import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/passwords/change-password-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { getOwnProfile } from "@/lib/profile/profile";
import { getSettings } from "@/lib/settings/settings";
import { changeOwnPasswordAction } from "../../actions";

export const metadata: Metadata = { title: "Change password" };

export default async function ProfilePasswordPage() {
  const profile = await getOwnProfile(await requireActor());
  if (!profile.has_local_password) redirect("/profile/security");
  const { password: policy } = await getSettings();
  return (
    <Card aria-labelledby="change-password" className="max-w-xl">
      <CardHeader id="change-password" title="Change password" description="Your current password confirms it's you. Your other sessions will be signed out." />
      <CardBody>
        <ChangePasswordForm policy={policy} context={{ username: profile.username, email: profile.email }} action={changeOwnPasswordAction} next="/profile/security" />
      </CardBody>
    </Card>
  );
}
