import type { AuditEventDto } from "@/lib/audit/schema";

export const formatTimestamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export const actorText = (e: AuditEventDto) => (e.actor_kind === "system" ? `${e.actor_label ?? "system"} (system)` : e.actor_label ?? e.actor_id ?? "—");

export const targetText = (e: AuditEventDto) => (e.target_type ? `${e.target_type}: ${e.target_label ?? e.target_id ?? "—"}` : "—");

const SIGN_IN_REASONS: Record<string, string> = {
  unknown_user: "unknown user",
  bad_password: "wrong password",
  inactive: "inactive account",
  expired: "expired account",
  service_account: "service account",
  locked: "locked account",
};

/** A short line for sign-ins (and other events with a reason): what happened and how. */
export function summary(e: AuditEventDto): string | null {
  const m = e.metadata ?? {};
  const parts = [
    typeof m.reason === "string" ? (SIGN_IN_REASONS[m.reason] ?? m.reason.replace(/_/g, " ")) : null,
    typeof m.method === "string" ? m.method : null,
    typeof m.source === "string" ? `via ${m.source}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
