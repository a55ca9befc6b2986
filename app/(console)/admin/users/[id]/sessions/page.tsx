import type { Metadata } from "next";
import { ClearLockButton } from "@/components/auth/clear-lock-button";
import { LockStatus } from "@/components/auth/lock-status";
import { SendResetLinkButton } from "@/components/auth/send-reset-link-button";
import { RevokeAllSessionsButton, RevokeJwtsButton } from "@/components/sessions/revoke-buttons";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { getLockStatus } from "@/lib/auth/lock-admin";
import { getSignInCapabilities } from "@/lib/sessions/capabilities";
import { listUserSessions } from "@/lib/sessions/manage";
import { loadUserForPage } from "../load";
import { clearLockAction, revokeAllSessionsAction, revokeJwtsAction, revokeSessionAction, sendPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Sessions" };

/** The user page's Sessions tab: live sessions, sign-in lock, and the revoke / unlock / reset actions. */
export default async function UserSessionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const [sessions, lock, can] = await Promise.all([listUserSessions(actor, id), getLockStatus(actor, id), getSignInCapabilities(actor, id)]);
  const target = { id: user.id, username: user.username };

  return (
    <div className="space-y-6">
      <Card aria-labelledby="sessions-heading">
        <CardHeader
          id="sessions-heading"
          title="Sessions"
          description="Console sessions of this user. Revoking signs them out on their next request."
          actions={
            can.revoke_sessions ? (
              <>
                <RevokeAllSessionsButton user={target} action={revokeAllSessionsAction} />
                <RevokeJwtsButton user={target} action={revokeJwtsAction} />
              </>
            ) : null
          }
        />
        <CardBody>
          <SessionsTable sessions={sessions} canRevoke={can.revoke_sessions} revoke={revokeSessionAction} />
        </CardBody>
      </Card>
      <Card aria-labelledby="sign-in-heading">
        <CardHeader id="sign-in-heading" title="Sign-in" description={`Source: ${user.auth_source}.`} actions={lock.is_locked && can.clear_lock ? <ClearLockButton user={target} action={clearLockAction} /> : null} />
        <CardBody className="space-y-4">
          <LockStatus lock={lock} />
          {can.reset_password ? <SendResetLinkButton user={target} action={sendPasswordResetAction} /> : null}
        </CardBody>
      </Card>
    </div>
  );
}
