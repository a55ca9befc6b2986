"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/audit/schema";
import { actorText, formatTimestamp, summary, targetText } from "./describe";
import { EventDrawer } from "./event-drawer";
import { OutcomeBadge } from "./outcome-badge";

/** Audit events, newest first; "Details" opens the event's drawer (diff and metadata). */
export function AuditTable({ events, orgNames = {} }: { events: AuditEventDto[]; orgNames?: Record<string, string> }) {
  const [open, setOpen] = useState<AuditEventDto | null>(null);
  return (
    <>
      <Table aria-label="Audit events">
        <THead>
          <tr>
            <TH>Time (UTC)</TH>
            <TH>Actor</TH>
            <TH>Action</TH>
            <TH>Target</TH>
            <TH>Outcome</TH>
            <TH>IP address</TH>
            <TH>
              <span className="sr-only">Details</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {events.map((e) => {
            const note = summary(e);
            return (
              <TR key={e.id}>
                <TD className="font-mono text-xs whitespace-nowrap">{formatTimestamp(e.occurred_at)}</TD>
                <TD>{actorText(e)}</TD>
                <TD>
                  <span className="font-medium text-zinc-900">{e.action}</span>
                  {note ? <span className="block text-xs text-zinc-500">{note}</span> : null}
                </TD>
                <TD className="max-w-56 truncate">{targetText(e)}</TD>
                <TD>
                  <OutcomeBadge outcome={e.outcome} />
                </TD>
                <TD className="font-mono text-xs">{e.ip ?? "—"}</TD>
                <TD className="text-right">
                  <Button size="sm" variant="ghost" onClick={() => setOpen(e)} aria-label={`Details of event ${e.id}, ${e.action}`}>
                    Details
                  </Button>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <EventDrawer event={open} orgNames={orgNames} onClose={() => setOpen(null)} />
    </>
  );
}
