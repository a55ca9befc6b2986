import type { Metadata } from "next";
import { OwnMfaOverview } from "@/components/mfa/own-mfa-overview";
import { RecentSignIns } from "@/components/profile/recent-sign-ins";
import { SessionsList } from "@/components/profile/sessions-list";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { getOwnMfa } from "@/lib/mfa/own";
import { getOwnProfile } from "@/lib/profile/profile";
import { listOwnSessions } from "@/lib/profile/sessions";
import { listOwnSignIns } from "@/lib/profile/sign-ins";
import { setOwnMfaAction, signOutOtherSessionsAction, signOutSessionAction } from "../actions";

export const metadata: Metadata = { title: "Security" };

export default async function ProfileSecurityPage() {
  const actor = await requireActor();
  const [profile, sessions, signIns, mfa] = await Promise.all([getOwnProfile(actor), listOwnSessions(actor), listOwnSignIns(actor), getOwnMfa(actor)]);
  return (
    <div className="space-y-6">
      <Card aria-labelledby="security-password">
        <CardHeader
          id="security-password"
          title="Password"
          description={profile.has_local_password ? "Changing it signs out your other sessions." : `Your password is managed by your sign-in source (${profile.auth_source}).`}
          actions={profile.has_local_password ? <ButtonLink href="/profile/security/password" variant="secondary">Change password</ButtonLink> : null}
        />
      </Card>
      <Card aria-labelledby="security-mfa">
        <CardHeader id="security-mfa" title="Two-factor authentication" description="A second proof of who you are at sign-in: a passkey, an authenticator app, or a code by text or email." />
        <CardBody>
          <OwnMfaOverview mfa={mfa} setEnabled={setOwnMfaAction} />
        </CardBody>
      </Card>
      <Card aria-labelledby="security-sessions">
        <CardHeader id="security-sessions" title="Active sessions" description="Everywhere you are signed in. Sign out what you don't recognise." />
        <CardBody>
          <SessionsList sessions={sessions} signOutOne={signOutSessionAction} signOutOthers={signOutOtherSessionsAction} />
        </CardBody>
      </Card>
      <Card aria-labelledby="security-sign-ins">
        <CardHeader id="security-sign-ins" title="Recent sign-ins" description="Including failed attempts on your account." />
        <CardBody>
          <RecentSignIns events={signIns} />
        </CardBody>
      </Card>
    </div>
  );
}
