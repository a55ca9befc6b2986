import type { Metadata } from "next";
import { PolicyPreview } from "@/components/settings/policy-preview";
import { ReadOnlyNote } from "@/components/settings/read-only-note";
import { SettingsSectionForm } from "@/components/settings/settings-section-form";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import { getSettingsSection } from "@/lib/settings/update";
import { updateSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Password policy" };

export default async function PasswordPolicyPage() {
  const actor = await requireActor();
  const policy = await getSettingsSection(actor, "password").catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!policy) return <Forbidden what="settings" />;
  const canManage = can(actor, "settings.manage");

  return (
    <div className="space-y-6">
      <PageHeader title="Password policy" description="Applies to local users whenever a password is set: by an admin, a reset link or the user." />
      {canManage ? null : <ReadOnlyNote />}
      <SettingsSectionForm section="password" values={policy} canManage={canManage} action={updateSettingsAction} />
      <PolicyPreview policy={policy} />
    </div>
  );
}
