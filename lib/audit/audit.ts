import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { rowsOf, type Executor } from "@/db/client";
import { auditEvents, orgMembers } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { isUuid } from "../ids";
import { chainHash, type ChainedContent } from "./chain";
import { redact, type AuditDiff } from "./diff";

export type AuditTarget = { type: string; id?: string | null; label?: string | null; orgId?: string | null };

export type AuditOptions = {
  outcome?: "success" | "failure" | "denied";
  metadata?: Record<string, unknown>;
};

/** Arbitrary constant: held from the moment an event is chained until its transaction ends (one chain order). */
export const AUDIT_CHAIN_LOCK = 7_243_020;

/** Serialises chain writers across connections and instances. Purging takes it too. */
export async function lockAuditChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

/**
 * Events about a user that name no organization are attributed to the user's first organization (by join
 * date), so Org Auditors see what happens to their members. An explicit `orgId: null` means "no organization".
 */
async function attributedOrg(tx: Executor, target: AuditTarget | null): Promise<string | null> {
  if (!target) return null;
  if (target.orgId !== undefined) return target.orgId;
  if (target.type !== "user" || !isUuid(target.id)) return null;
  const [first] = await tx
    .select({ orgId: orgMembers.orgId })
    .from(orgMembers)
    .where(eq(orgMembers.userId, target.id))
    .orderBy(asc(orgMembers.createdAt), asc(orgMembers.orgId))
    .limit(1);
  return first?.orgId ?? null;
}

type EventContent = Omit<ChainedContent, "occurredAt" | "diff" | "metadata"> & {
  diff: AuditDiff | null;
  metadata: Record<string, unknown> | null;
};

type Head = { prev_hash: string | null; now_ms: number; isolation: string };

/**
 * Appends to the chain under the chain lock. The head is read in a statement AFTER the lock is granted, so under
 * READ COMMITTED it sees the row of whoever held the lock before (a snapshot taken earlier would fork the chain).
 */
async function appendToChain(tx: Executor, content: EventContent): Promise<void> {
  await lockAuditChain(tx);
  const [head] = rowsOf<Head>(
    await tx.execute(sql`
      select (select hash from ${auditEvents} order by id desc limit 1) as prev_hash,
             (extract(epoch from date_trunc('milliseconds', clock_timestamp())) * 1000)::float8 as now_ms,
             current_setting('transaction_isolation') as isolation`),
  );
  if (head.isolation !== "read committed") throw new Error(`audit() needs a READ COMMITTED transaction, not ${head.isolation}.`);
  const row = { ...content, occurredAt: new Date(Number(head.now_ms)) };
  await tx.insert(auditEvents).values({ ...row, prevHash: head.prev_hash, hash: chainHash(head.prev_hash, row) });
}

/**
 * Records one audit event. Call it with the transaction of the change it describes, so the change and its
 * record commit (or roll back) together; called with the database itself, it opens its own transaction.
 * Call it last in a transaction: the chain lock it takes is held until commit.
 */
export async function audit(
  tx: Executor,
  actor: Actor,
  action: string,
  target: AuditTarget | null,
  diff?: AuditDiff | null,
  options: AuditOptions = {},
): Promise<void> {
  const write = async (t: Executor) =>
    appendToChain(t, {
      actorKind: actor.kind,
      actorId: actor.userId,
      actorLabel: actor.label,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      targetLabel: target?.label ?? null,
      orgId: await attributedOrg(t, target),
      outcome: options.outcome ?? "success",
      ip: actor.meta.ip,
      userAgent: actor.meta.userAgent,
      requestId: actor.meta.requestId,
      diff: diff && Object.keys(diff).length > 0 ? diff : null,
      metadata: options.metadata ? redact(options.metadata) : null,
    });
  if (tx instanceof PgTransaction) await write(tx);
  else await tx.transaction(write);
}
