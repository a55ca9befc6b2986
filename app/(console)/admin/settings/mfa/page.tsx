import type { Metadata } from "next";
import { FaceLimits } from "@/components/mfa/face-limits";
import { ReadOnlyNote } from "@/components/settings/read-only-note";
import { SettingsSectionForm } from "@/components/settings/settings-section-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import { getSettingsSection } from "@/lib/settings/update";
import { updateSettingsAction } from "../actions";

export const metadata: Metadata = { title: "MFA settings" };

export default async function MfaSettingsPage() {
  const actor = await requireActor();
  const mfa = await getSettingsSection(actor, "mfa").catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!mfa) return <Forbidden what="settings" />;
  const canManage = can(actor, "settings.manage");

  return (
    <div className="space-y-6">
      <PageHeader title="Multi-factor authentication" description="The global MFA policy and the methods people may set up. Each user's own policy (Disabled / Enabled / Force enabled) is set on the user." />
      {canManage ? null : <ReadOnlyNote />}
      <SettingsSectionForm section="mfa" values={mfa} canManage={canManage} action={updateSettingsAction} />
      <Card aria-labelledby="mfa-assurance">
        <CardHeader id="mfa-assurance" title="How strong each method is" />
        <CardBody>
          <ul className="list-disc space-y-2 pl-5 text-sm text-zinc-700">
            <li><strong>Passkeys</strong> are phishing-resistant: the browser only answers this site&apos;s own address.</li>
            <li><strong>Authenticator apps</strong> (TOTP) are strong against password leaks but can be phished in real time. Each code works once; recovery codes are single use.</li>
            <li><strong>SMS codes</strong> are a restricted authenticator in NIST SP 800-63B (SIM swap, number porting). The SMS provider is configured on the server (SMS_PROVIDER); without one, codes are only written to the server log.</li>
            <li><strong>Email codes</strong> are lower assurance: anyone who can read the mailbox passes. That is why they are not accepted from administrators unless you allow it.</li>
            <li><strong>Facial recognition</strong> is the weakest: a convenience next to another method, never instead of one. See its limits below.</li>
          </ul>
          <p className="mt-4 text-sm text-zinc-600">
            Every code method, and facial recognition, allows 5 attempts per sign-in; 20 consecutive failures lock the account for the lockout duration of the sign-in settings.
          </p>
        </CardBody>
      </Card>
      <FaceLimits />
    </div>
  );
}
