/**
 * T1 (security-test-plan.md): the last-super-admin invariant under concurrency. Two super-admins remove each other
 * at the same instant, by every reducing operation. A barrier between the write and the check forces the worst
 * interleaving. Pass: never zero active super-admins; exactly one request wins and the other gets 409.
 * Mutation check: with the lock removed the same test finds violations (PostgreSQL only — PGlite runs one
 * transaction at a time, so there is nothing to interleave there).
 */
import { and, count, eq } from "drizzle-orm";
import { afterEach, describe } from "vitest";
import { users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { actorFor, createTestUser } from "../testing/factories";
import { fireTogether, itFailsWithoutTheLock, itRacesEveryPair, onPostgres, type Race } from "../testing/races";
import { bulkUpdateUsers } from "./bulk";
import { deleteUser } from "./delete";
import { superAdminGuardTesting } from "./guards";
import { updateUser } from "./update";

const TRIALS = onPostgres ? 40 : 4;

type Operation = (actor: Actor, target: UserRow) => Promise<unknown>;
const OPERATIONS: Record<string, Operation> = {
  demote: (actor, target) => updateUser(actor, target.id, { is_admin: false }),
  deactivate: (actor, target) => updateUser(actor, target.id, { is_active: false }),
  delete: (actor, target) => deleteUser(actor, target.id),
  "bulk deactivate": async (actor, target) => {
    const [result] = await bulkUpdateUsers(actor, { action: "deactivate", user_ids: [target.id] });
    if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
  },
};

async function freshAdminPair(): Promise<[UserRow, UserRow]> {
  const db = await getDb();
  await db.update(users).set({ isActive: false }).where(eq(users.isAdmin, true));
  return [await createTestUser({ isAdmin: true }), await createTestUser({ isAdmin: true })];
}

async function activeSuperAdmins(): Promise<number> {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(users).where(and(eq(users.isAdmin, true), eq(users.isActive, true), eq(users.isServiceAccount, false)));
  return n;
}

async function trial(opA: Operation, opB: Operation, forceInterleaving: boolean): Promise<Race> {
  const [a, b] = await freshAdminPair();
  const [actorA, actorB] = [await actorFor(b), await actorFor(a)];
  const outcomes = await fireTogether(superAdminGuardTesting, forceInterleaving, () => [opA(actorA, a), opB(actorB, b)]);
  return { outcomes, remaining: await activeSuperAdmins() };
}

afterEach(() => {
  superAdminGuardTesting.afterWrite = undefined;
  superAdminGuardTesting.disableLock = false;
});

describe("T1: the last active super-admin survives concurrent removals", () => {
  itRacesEveryPair(OPERATIONS, TRIALS, trial);
  itFailsWithoutTheLock(
    "without the lock, forced interleaving leaves no super-admin",
    () => (superAdminGuardTesting.disableLock = true),
    () => trial(OPERATIONS.demote, OPERATIONS.deactivate, true),
  );
});
