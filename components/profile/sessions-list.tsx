"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { OwnSessionDto } from "@/lib/profile/schema";
import { describeUserAgent } from "@/lib/profile/user-agent";
import { formatDateTime } from "./format";

type Props = {
  sessions: OwnSessionDto[];
  signOutOne: (input: { id: string }) => Promise<ActionResult<null>>;
  /** The server action itself (called with an empty input). */
  signOutOthers: (input: Record<string, never>) => Promise<ActionResult<{ ended: number }>>;
};

type Pending = { kind: "one"; session: OwnSessionDto } | { kind: "others" } | null;

/** The person's sessions: where and when they signed in; end one, or all but this one. */
export function SessionsList({ sessions, signOutOne, signOutOthers }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const others = sessions.filter((s) => !s.current);

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    const result = pending.kind === "one" ? await signOutOne({ id: pending.session.id }) : await signOutOthers({});
    setBusy(false);
    setPending(null);
    if (!result.ok) return toast({ title: "Not signed out", description: result.message, tone: "error" });
    toast({ title: pending.kind === "one" ? "Session signed out" : "Other sessions signed out", tone: "success" });
    router.refresh();
  }

  if (sessions.length === 0) return <EmptyState title="No active sessions" />;
  return (
    <div className="space-y-3">
      <Table aria-label="Active sessions">
        <THead>
          <tr>
            <TH>Device</TH>
            <TH>IP address</TH>
            <TH>Signed in</TH>
            <TH>Last active</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {sessions.map((s) => (
            <TR key={s.id}>
              <TD>
                <span title={s.user_agent ?? undefined}>{describeUserAgent(s.user_agent)}</span>
                {s.current ? <Badge tone="green" className="ml-2">This session</Badge> : null}
              </TD>
              <TD className="font-mono text-xs">{s.ip ?? "—"}</TD>
              <TD>{formatDateTime(s.created_at)}</TD>
              <TD>{formatDateTime(s.last_seen_at)}</TD>
              <TD className="text-right">
                {s.current ? null : (
                  <Button size="sm" variant="secondary" onClick={() => setPending({ kind: "one", session: s })} aria-label={`Sign out ${describeUserAgent(s.user_agent)} from ${s.ip ?? "unknown address"}`}>
                    Sign out
                  </Button>
                )}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <div className="flex justify-end">
        <Button variant="danger" disabled={others.length === 0} onClick={() => setPending({ kind: "others" })}>
          Sign out other sessions
        </Button>
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === "one" ? "Sign out this session?" : "Sign out every other session?"}
        description={
          pending?.kind === "one"
            ? `${describeUserAgent(pending.session.user_agent)} (${pending.session.ip ?? "unknown address"}) will have to sign in again.`
            : `${others.length} other session(s) will have to sign in again. This one stays signed in.`
        }
        confirmLabel="Sign out"
        tone="danger"
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
