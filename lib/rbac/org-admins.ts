import "server-only";
import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import { conflict } from "../errors";

/**
 * The last Org Admin of an organization (T1 of the security test plan, "same for last org admin"): an organization
 * that has an active Org Admin keeps at least one. Every operation that can take the built-in Org Admin role away —
 * removing the role, leaving the organization, leaving or deleting a group that carries it, unbinding it from a
 * group, deactivating or deleting the person — takes one lock first (lockOrgAdmins) and makes its write through
 * keepingOrgAdmins, which counts before and after; an organization that would be left without one answers 409 and
 * nothing changes. Deleting the organization itself is not limited.
 * An organization that never had an Org Admin (a new one, or Default run by super-admins) is not limited either.
 */

/** Arbitrary constant: held until the end of every transaction that could remove an organization's last Org Admin. */
const ORG_ADMIN_LOCK = 7_243_011;

/** Test seams for the concurrency test only (as lib/users/guards.ts): a pause after the write, and no lock. */
export const orgAdminGuardTesting: { afterWrite?: () => Promise<void>; disableLock?: boolean } = {};

/**
 * Call FIRST in the transaction (before any row lock), so two guarded operations never wait on each other in
 * opposite orders. When the super-admin lock is needed too, take that one first.
 */
export async function lockOrgAdmins(tx: Executor): Promise<void> {
  if (orgAdminGuardTesting.disableLock) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${ORG_ADMIN_LOCK})`);
}

/** Active, interactive holders of the built-in Org Admin role per organization (directly or through a group). */
export async function countOrgAdmins(tx: Executor, orgIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!orgIds.length) return counts;
  const ids = sql.join(
    orgIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = rowsOf<{ org_id: string; n: number | string }>(
    await tx.execute(sql`
      with org_admin as (select id from roles where builtin_key = 'org_admin'),
      holders as (
        select omr.org_id, omr.user_id from org_member_roles omr
        where omr.role_id = (select id from org_admin) and omr.org_id in (${ids})
        union
        select g.org_id, gm.user_id from groups g
        join group_roles gr on gr.group_id = g.id and gr.role_id = (select id from org_admin)
        join group_members gm on gm.group_id = g.id
        where g.org_id in (${ids})
      )
      select h.org_id, count(distinct h.user_id) as n from holders h
      join users u on u.id = h.user_id and u.is_active and not u.is_service_account
      group by h.org_id`),
  );
  for (const row of rows) counts.set(row.org_id, Number(row.n));
  return counts;
}

/**
 * Runs `write` (under lockOrgAdmins, taken first in the transaction): every organization of `orgIds` that had an
 * active Org Admin before it still has one after it, or 409 (the caller's transaction rolls the write back).
 */
export async function keepingOrgAdmins<T>(tx: Executor, orgIds: readonly string[], write: () => Promise<T>): Promise<T> {
  if (!orgIds.length) return write();
  const before = await countOrgAdmins(tx, orgIds);
  const result = await write();
  await assertOrgAdminsKept(tx, before);
  return result;
}

async function assertOrgAdminsKept(tx: Executor, before: Map<string, number>): Promise<void> {
  await orgAdminGuardTesting.afterWrite?.();
  const had = [...before.keys()];
  if (!had.length) return;
  const after = await countOrgAdmins(tx, had);
  const orphaned = had.filter((orgId) => !after.get(orgId));
  if (!orphaned.length) return;
  const names = (await tx.select({ name: organizations.name }).from(organizations).where(inArray(organizations.id, orphaned))).map((o) => `“${o.name}”`);
  throw conflict(`This would leave ${names.join(", ") || "an organization"} without an active Org Admin. Make someone else Org Admin there first.`);
}
