import type { Metadata } from "next";
import { EnrolledMethods } from "@/components/mfa/enrolled-methods";
import { MfaPolicySummary } from "@/components/mfa/mfa-policy-summary";
import { ResetMfaButton } from "@/components/mfa/reset-mfa-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { canResetMfa, getUserMfa } from "@/lib/mfa/admin";
import { loadUserForPage } from "../load";
import { resetMfaAction } from "./actions";

export const metadata: Metadata = { title: "MFA" };

/** The user page's MFA tab: the effective policy and why, enrolled methods, and "Reset MFA". */
export default async function UserMfaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const [mfa, canReset] = await Promise.all([getUserMfa(actor, id), canResetMfa(actor, id)]);
  const hasAny = mfa.methods.totp.enrolled || mfa.methods.sms.enrolled || mfa.methods.email.enrolled || mfa.methods.passkeys.length > 0 || mfa.methods.face.enrolled || mfa.methods.recovery_codes.total > 0;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="mfa-policy-heading">
        <CardHeader id="mfa-policy-heading" title="Policy" description="The user's own MFA policy is edited with the user; the global policy in Settings → MFA." />
        <CardBody>
          <MfaPolicySummary policy={mfa.policy} />
        </CardBody>
      </Card>
      <Card aria-labelledby="mfa-methods-heading">
        <CardHeader
          id="mfa-methods-heading"
          title="Enrolled methods"
          description="Second factors this user has set up. Secrets are never shown."
          actions={canReset && hasAny ? <ResetMfaButton user={{ id: user.id, username: user.username }} action={resetMfaAction} /> : null}
        />
        <CardBody>
          <EnrolledMethods methods={mfa.methods} usable={mfa.usable_methods} />
        </CardBody>
      </Card>
    </div>
  );
}
