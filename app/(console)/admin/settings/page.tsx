import type { Metadata } from "next";
import { ReadOnlyNote } from "@/components/settings/read-only-note";
import { SettingsSectionForm } from "@/components/settings/settings-section-form";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import type { SettingsSection } from "@/lib/settings/schema";
import { getSettingsFor } from "@/lib/settings/update";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

const GENERAL_SECTIONS: SettingsSection[] = ["sessions", "login", "users", "proxy", "audit", "tokens"];

export default async function GeneralSettingsPage() {
  const actor = await requireActor();
  const settings = await getSettingsFor(actor).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!settings) return <Forbidden what="settings" />;
  const canManage = can(actor, "settings.manage");

  return (
    <div className="space-y-6">
      <PageHeader title="General settings" description="Sessions, sign-in and lockout, user housekeeping, proxy mode, audit retention and API tokens." />
      {canManage ? null : <ReadOnlyNote />}
      {GENERAL_SECTIONS.map((section) => (
        <SettingsSectionForm key={section} section={section} values={settings[section]} canManage={canManage} action={updateSettingsAction} />
      ))}
    </div>
  );
}
