import "server-only";
import { and, desc, eq, gte, inArray, ne, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { auditEvents, faceTemplates, mfaOtpChannels, mfaTotp, orgMembers, users, webauthnCredentials } from "@/db/schema";
import { toAuditEventDto } from "../audit/dto";
import type { AuditEventDto } from "../audit/schema";
import type { DailySignIns, MfaAdoption, UserCounts } from "./schema";

export type Scope = "all" | string[];

const inOrgs = (orgIds: string[]) =>
  sql`exists (select 1 from ${orgMembers} where ${orgMembers.userId} = ${users.id} and ${inArray(orgMembers.orgId, orgIds)})`;

const n = (value: unknown) => Number(value ?? 0);

/**
 * Every user count and MFA adoption in ONE pass over users (count(*) filter (where …)); MFA membership is an
 * uncorrelated IN, which PostgreSQL runs as a hashed subplan rather than a lookup per user.
 */
export async function countUsers(db: Executor, scope: Scope, now: Date): Promise<{ users: UserCounts; mfa: MfaAdoption }> {
  const at = now.toISOString();
  const expired = sql`(${users.dateExpired} is not null and ${users.dateExpired} <= ${at})`;
  const person = sql`(${users.isActive} and not ${expired} and not ${users.isServiceAccount})`;
  const totp = sql`${users.id} in (select ${mfaTotp.userId} from ${mfaTotp} where ${mfaTotp.confirmedAt} is not null)`;
  const passkey = sql`${users.id} in (select ${webauthnCredentials.userId} from ${webauthnCredentials})`;
  // Facial recognition is counted on its own but never makes "with MFA": it is never anyone's only usable factor.
  const face = sql`${users.id} in (select ${faceTemplates.userId} from ${faceTemplates})`;
  const channel = (name: "sms" | "email") => sql`${users.id} in (select ${mfaOtpChannels.userId} from ${mfaOtpChannels} where ${mfaOtpChannels.channel} = ${name})`;
  const where: SQL = scope === "all" ? sql`true` : scope.length ? inOrgs(scope) : sql`false`;
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select count(*) as total,
             count(*) filter (where ${users.isActive} and not ${expired}) as active,
             count(*) filter (where not ${users.isActive}) as inactive,
             count(*) filter (where ${users.isActive} and ${expired}) as expired,
             count(*) filter (where ${users.lockedUntil} > ${at}) as locked,
             count(*) filter (where ${users.isServiceAccount}) as service_accounts,
             count(*) filter (where ${person}) as people,
             count(*) filter (where ${person} and (${totp} or ${passkey} or ${channel("sms")} or ${channel("email")})) as with_mfa,
             count(*) filter (where ${person} and ${totp}) as totp,
             count(*) filter (where ${person} and ${passkey}) as passkeys,
             count(*) filter (where ${person} and ${channel("sms")}) as sms,
             count(*) filter (where ${person} and ${channel("email")}) as email,
             count(*) filter (where ${person} and ${face}) as face
      from ${users} where ${where}`),
  );
  return {
    users: { total: n(row.total), active: n(row.active), inactive: n(row.inactive), expired: n(row.expired), locked: n(row.locked), service_accounts: n(row.service_accounts) },
    mfa: { people: n(row.people), with_mfa: n(row.with_mfa), totp: n(row.totp), passkeys: n(row.passkeys), sms: n(row.sms), email: n(row.email), face: n(row.face) },
  };
}

const auditScope = (scope: Scope): SQL | undefined => (scope === "all" ? undefined : scope.length ? inArray(auditEvents.orgId, scope) : sql`false`);

/** Sign-ins per UTC day for the last `days` days (today included), zero-filled; one grouped query. */
export async function signInsPerDay(db: Executor, scope: Scope, now: Date, days: number): Promise<DailySignIns[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * 86_400_000);
  // date_trunc on the index-only scan's rows; formatting only the 30 groups (to_char per row costs ~2x).
  const day = sql<string>`date_trunc('day', ${auditEvents.occurredAt} at time zone 'UTC')`;
  const rows = await db
    .select({
      day: sql<string>`to_char(${day}, 'YYYY-MM-DD')`,
      success: sql<number>`count(*) filter (where ${auditEvents.outcome} = 'success')`.mapWith(Number),
      failure: sql<number>`count(*) filter (where ${auditEvents.outcome} <> 'success')`.mapWith(Number),
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.sign_in"), gte(auditEvents.occurredAt, from), auditScope(scope)))
    .groupBy(day);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return Array.from({ length: days }, (_, i) => {
    const key = new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const found = byDay.get(key);
    return { day: key, success: found?.success ?? 0, failure: found?.failure ?? 0 };
  });
}

/** The latest failed or denied events (a partial index holds only those rows). */
export async function recentFailures(db: Executor, scope: Scope, limit: number): Promise<AuditEventDto[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(ne(auditEvents.outcome, "success"), auditScope(scope)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map(toAuditEventDto);
}
