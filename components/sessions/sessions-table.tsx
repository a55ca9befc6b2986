"use client";

import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/action";
import type { SessionDto } from "@/lib/sessions/schema";
import { ConfirmActionButton } from "./confirm-action-button";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;
const STAGES: Record<SessionDto["stage"], string> = { active: "Active", password_change: "Changing password", mfa: "MFA pending", mfa_enroll: "MFA setup" };

/** A user's live console sessions, each with its own "Revoke". */
export function SessionsTable({ sessions, canRevoke, revoke }: { sessions: SessionDto[]; canRevoke: boolean; revoke: (input: { id: string }) => Promise<ActionResult<{ id: string }>> }) {
  if (!sessions.length) return <EmptyState title="No active sessions" description="Sessions appear here when the user signs in to the console." />;
  return (
    <Table aria-label="Sessions">
      <THead>
        <tr>
          <TH>Signed in</TH>
          <TH>Last seen</TH>
          <TH>Source</TH>
          <TH>IP address</TH>
          <TH>Browser</TH>
          <TH>Expires</TH>
          {canRevoke ? (
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {sessions.map((s) => (
          <TR key={s.id}>
            <TD className="whitespace-nowrap">
              {when(s.created_at)}
              {s.current ? <Badge tone="blue" className="ml-2">This session</Badge> : null}
              {s.stage !== "active" ? <Badge tone="amber" className="ml-2">{STAGES[s.stage]}</Badge> : null}
            </TD>
            <TD className="whitespace-nowrap">{when(s.last_seen_at)}</TD>
            <TD>
              {s.auth_source} <span className="text-zinc-500">({s.methods.join(", ")})</span>
            </TD>
            <TD className="font-mono text-xs">{s.ip ?? "—"}</TD>
            <TD className="max-w-xs truncate" title={s.user_agent ?? undefined}>
              {s.user_agent ?? "—"}
            </TD>
            <TD className="whitespace-nowrap">{when(s.expires_at)}</TD>
            {canRevoke ? (
              <TD className="text-right">
                <ConfirmActionButton
                  label="Revoke"
                  size="sm"
                  title="End this session?"
                  description={`The browser at ${s.ip ?? "an unknown address"} is signed out on its next request.`}
                  confirmLabel="End session"
                  run={() => revoke({ id: s.id })}
                  success={() => "Session ended"}
                />
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
