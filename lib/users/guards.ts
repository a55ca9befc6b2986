import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { CP_SERVICE_EMAIL, PROXY_PROVIDER_ID } from "../bootstrap";
import { conflict, forbidden } from "../errors";
import type { Settings } from "../settings/schema";

/** Arbitrary constant: every operation that can remove a super-admin holds it until its transaction ends. */
const SUPER_ADMIN_LOCK = 7_243_003;

/**
 * Test seams for the T1 concurrency test only: a pause between the write and the check (to force interleaving),
 * and a switch that removes the lock (to show the test catches its absence). Never set outside tests.
 */
export const superAdminGuardTesting: { afterWrite?: () => Promise<void>; disableLock?: boolean } = {};

export type ReducingOperation = "delete" | "deactivate" | "demote";

/** Serialises every operation that could leave no active super-admin (call first in the transaction). */
export async function lockSuperAdmins(tx: Executor): Promise<void> {
  if (superAdminGuardTesting.disableLock) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${SUPER_ADMIN_LOCK})`);
}

/**
 * Checked AFTER the write, under the lock: at least one active, interactive super-admin must remain.
 * A service account never counts: it cannot reach the console. A lock-out (locked_until) is not inactivity.
 */
export async function assertActiveSuperAdminRemains(tx: Executor): Promise<void> {
  await superAdminGuardTesting.afterWrite?.();
  const [{ remaining }] = await tx
    .select({ remaining: count() })
    .from(users)
    .where(and(eq(users.isAdmin, true), eq(users.isActive, true), eq(users.isServiceAccount, false)));
  if (remaining === 0) {
    throw conflict("This is the last active super-admin: it cannot be deleted, deactivated or demoted. Promote another user to super-admin first.");
  }
}

/** Built-in accounts blocked while the feature they serve is active (justiam-users.txt, "Protected users"). */
export function assertNotProtected(user: UserRow, settings: Settings, operation: ReducingOperation): void {
  if (operation === "demote") return;
  const verb = operation === "delete" ? "deleted" : "deactivated";
  if (user.email.toLowerCase() === CP_SERVICE_EMAIL) {
    throw conflict(`${CP_SERVICE_EMAIL} is the control plane's service account and cannot be ${verb}.`);
  }
  if (user.id === PROXY_PROVIDER_ID && settings.proxy.proxy_mode !== "disabled") {
    throw conflict(`proxy-provider@service.internal cannot be ${verb} while proxy_mode is "${settings.proxy.proxy_mode}".`);
  }
}

/** Only a super-admin may act on a super-admin's account (otherwise a user manager could take it over). */
export function assertMayManage(actor: Actor, target: UserRow): void {
  if (target.isAdmin && !actor.isAdmin) throw forbidden("Only a super-admin can change a super-admin's account.");
}

export const reducesSuperAdmins = (before: UserRow, after: Pick<UserRow, "isAdmin" | "isActive"> | null) =>
  before.isAdmin && before.isActive && !before.isServiceAccount && (!after || !after.isAdmin || !after.isActive);
