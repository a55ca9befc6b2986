import { z } from "zod";

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Suggestions for the action filter (any action, or a prefix ending in "." or "*", is accepted). */
export const KNOWN_ACTIONS = [
  "auth.sign_in",
  "auth.reauthenticate",
  "access.denied",
  "audit.export",
  "audit.purge",
  "user.create",
  "user.update",
  "user.profile_update",
  "user.delete",
  "user.deactivate",
  "user.password_change",
  "user.password_reset",
  "user.attributes_update",
  "user.roles_change",
  "user.jwt_revoke",
  "session.revoke",
  "session.revoke_all",
  "session.revoke_others",
  "token.create",
  "group.create",
  "group.update",
  "group.delete",
  "role.create",
  "role.update",
  "role.delete",
  "org.create",
  "org.update",
  "org.delete",
  "settings.update",
] as const;

/** A date (YYYY-MM-DD, UTC) or an ISO date-time. A bare date as `to` includes that whole day. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const timeBound = (edge: "from" | "to") =>
  z
    .string()
    .trim()
    .max(40)
    .transform((value, ctx) => {
      const dateOnly = DATE_ONLY.test(value);
      const parsed = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
      if (Number.isNaN(parsed.getTime()) || (!dateOnly && !/^\d{4}-\d{2}-\d{2}T/.test(value))) {
        ctx.addIssue({ code: "custom", message: "Use a date (YYYY-MM-DD) or an ISO date-time." });
        return z.NEVER;
      }
      return dateOnly && edge === "to" ? new Date(parsed.getTime() + 86_400_000 - 1) : parsed;
    });

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/** Filters shared by the list, the console and the CSV export. */
export const auditFiltersSchema = z.object({
  /** Actor: a user id, or part of the actor's username. */
  actor: optional(z.string().trim().max(254)),
  /** Exact action, or a prefix: "user." or "user.*". */
  action: optional(z.string().trim().max(100)),
  target_type: optional(z.string().trim().max(64)),
  /** Target: its id, or part of its label. */
  target: optional(z.string().trim().max(254)),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  from: optional(timeBound("from")),
  to: optional(timeBound("to")),
  org_id: optional(z.guid()),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** GET /api/v1/audit-events: newest first. */
export const listAuditEventsQuerySchema = auditFiltersSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListAuditEventsQuery = z.input<typeof listAuditEventsQuerySchema>;

/** An audit event as it leaves lib/ (REST body, console, CSV columns in this order). */
export const auditEventSchema = z.object({
  id: z.number().int(),
  occurred_at: z.iso.datetime(),
  actor_kind: z.string(),
  actor_id: z.string().nullable(),
  actor_label: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  target_label: z.string().nullable(),
  org_id: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  diff: z.record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() })).nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  prev_hash: z.string().nullable(),
  hash: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const AUDIT_CSV_COLUMNS = Object.keys(auditEventSchema.shape) as Array<keyof AuditEventDto>;
