"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { AuditEventDto } from "@/lib/audit/schema";
import { actorText, formatTimestamp, targetText } from "./describe";
import { OutcomeBadge } from "./outcome-badge";

const show = (value: unknown) => (value === undefined ? "—" : value === null ? "null" : typeof value === "string" ? value : JSON.stringify(value));

function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500">{label}</dt>
          <dd className="min-w-0 break-words text-zinc-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One event's details in a side drawer (native <dialog>: focus trap, Escape closes): who, what, the diff. */
export function EventDrawer({ event, orgNames, onClose }: { event: AuditEventDto | null; orgNames: Record<string, string>; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (event && !dialog.open) dialog.showModal();
    else if (!event && dialog.open) dialog.close();
  }, [event]);

  const diff = Object.entries(event?.diff ?? {});
  const metadata = Object.entries(event?.metadata ?? {});
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className="my-0 mr-0 ml-auto h-full max-h-none w-full max-w-xl overflow-y-auto border-l border-zinc-200 bg-white p-0 text-sm shadow-xl backdrop:bg-zinc-900/40"
    >
      {event ? (
        <div className="space-y-6 p-6">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold text-zinc-900">
                {event.action}
              </h2>
              <p className="mt-1 text-zinc-500">
                Event #{event.id} · {formatTimestamp(event.occurred_at)}
              </p>
            </div>
            <Button variant="secondary" size="sm" onClick={onClose} autoFocus>
              Close
            </Button>
          </div>
          <section aria-label="Summary">
            <Facts
              rows={[
                ["Outcome", <OutcomeBadge key="o" outcome={event.outcome} />],
                ["Actor", `${actorText(event)}${event.actor_id ? ` · ${event.actor_id}` : ""}`],
                ["Target", `${targetText(event)}${event.target_id && event.target_label ? ` · ${event.target_id}` : ""}`],
                ["Organization", event.org_id ? (orgNames[event.org_id] ?? event.org_id) : "— (system-level event)"],
                ["IP address", event.ip],
                ["User agent", event.user_agent],
                ["Request id", event.request_id],
              ]}
            />
          </section>
          <section aria-labelledby={`${titleId}-diff`}>
            <h3 id={`${titleId}-diff`} className="mb-2 font-semibold text-zinc-900">
              Changes
            </h3>
            {diff.length === 0 ? (
              <p className="text-zinc-500">No field changes recorded.</p>
            ) : (
              <table className="w-full table-fixed border-collapse text-left">
                <thead>
                  <tr className="border-b border-zinc-200 text-xs text-zinc-500 uppercase">
                    <th scope="col" className="w-1/4 py-1.5 pr-2">Field</th>
                    <th scope="col" className="py-1.5 pr-2">Before</th>
                    <th scope="col" className="py-1.5">After</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.map(([field, change]) => (
                    <tr key={field} className="border-b border-zinc-100 align-top">
                      <th scope="row" className="py-1.5 pr-2 font-medium break-words text-zinc-900">{field}</th>
                      <td className="py-1.5 pr-2 font-mono text-xs break-words text-red-700">{show(change.before)}</td>
                      <td className="py-1.5 font-mono text-xs break-words text-green-700">{show(change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby={`${titleId}-meta`}>
            <h3 id={`${titleId}-meta`} className="mb-2 font-semibold text-zinc-900">
              Details
            </h3>
            {metadata.length === 0 ? <p className="text-zinc-500">None.</p> : <Facts rows={metadata.map(([key, value]) => [key, <code key={key} className="text-xs">{show(value)}</code>])} />}
          </section>
          <section aria-label="Tamper evidence" className="text-xs text-zinc-500">
            <p className="break-all">Hash {event.hash ?? "—"}</p>
            <p className="break-all">Previous {event.prev_hash ?? "— (start of the chain)"}</p>
          </section>
        </div>
      ) : null}
    </dialog>
  );
}
