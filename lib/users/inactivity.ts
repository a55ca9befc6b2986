import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { systemActor } from "../auth/actor";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { assertActiveSuperAdminRemains, lockSuperAdmins } from "./guards";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";
import { userOrgIds } from "./access";

/** Arbitrary constant: with several instances, one runs the job at a time; the others skip that round. */
const INACTIVITY_JOB_LOCK = 7_243_004;

/**
 * "Disable users who have not signed in for N days" (JumpServer). Users who never signed in count from their
 * creation. Service accounts (they never sign in), the last active super-admin and an organization's last active
 * Org Admin are left alone.
 * Returns the ids disabled; each gets its own audit event.
 */
export async function disableInactiveUsers(now = new Date()): Promise<string[]> {
  const db = await getDb();
  const { users: policy } = await getSettings(db);
  if (!policy.inactive_days) return [];
  const cutoff = new Date(now.getTime() - policy.inactive_days * 86_400_000);
  return db.transaction(async (tx) => {
    const [{ locked }] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${INACTIVITY_JOB_LOCK}) as locked`));
    if (!locked) return [];
    await lockSuperAdmins(tx);
    await lockOrgAdmins(tx);
    const stale = await tx
      .select()
      .from(users)
      .where(and(eq(users.isActive, true), eq(users.isServiceAccount, false), sql`coalesce(${users.lastLoginAt}, ${users.createdAt}) < ${cutoff.toISOString()}::timestamptz`));
    const disabled: string[] = [];
    const actor = systemActor("inactivity-job");
    for (const user of stale) {
      // The last active super-admin, or an organization's last active Org Admin, stays active.
      const kept = await keepingOrgAdmins(tx, await userOrgIds(tx, user.id), async () => {
        await tx.update(users).set({ isActive: false, jwtRevokedBefore: now, updatedAt: now }).where(eq(users.id, user.id));
        if (user.isAdmin) await assertActiveSuperAdminRemains(tx);
      }).then(() => false, () => true);
      if (kept) {
        await tx.update(users).set({ isActive: true, jwtRevokedBefore: user.jwtRevokedBefore, updatedAt: user.updatedAt }).where(eq(users.id, user.id));
        continue;
      }
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await audit(tx, actor, "user.deactivate", { type: "user", id: user.id, label: user.username }, { is_active: { before: true, after: false } }, {
        metadata: { reason: "inactivity", inactive_days: policy.inactive_days, last_login_at: user.lastLoginAt?.toISOString() ?? null },
      });
      disabled.push(user.id);
    }
    return disabled;
  });
}
