import "server-only";
import type { UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { getDb } from "../db";
import { loadTargetUser } from "../sessions/target";
import { getUser } from "../users/queries";
import { isLocked, resetFailedLogins } from "./lockout";
import type { Actor } from "./actor";
import type { LockStatusDto } from "./schema";

export type { LockStatusDto };

const toLockStatus = (user: Pick<UserRow, "failedLoginCount" | "lockedUntil">, now = new Date()): LockStatusDto => ({
  failed_login_count: user.failedLoginCount,
  locked_until: isLocked(user, now) ? user.lockedUntil!.toISOString() : null,
  is_locked: isLocked(user, now),
});

/** Failed attempts and lock of a user the actor can see (users.view). */
export async function getLockStatus(actor: Actor, userId: string): Promise<LockStatusDto> {
  await getUser(actor, userId);
  const db = await getDb();
  const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId), columns: { failedLoginCount: true, lockedUntil: true } });
  return toLockStatus(user!);
}

/** An admin clears a brute-force lock and the failure count (users.update); audited with what was cleared. */
export async function clearLock(actor: Actor, userId: string): Promise<LockStatusDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await loadTargetUser(tx, actor, userId, "users.update");
    const before = toLockStatus(user);
    await resetFailedLogins(tx, user.id);
    await audit(tx, actor, "user.unlock", { type: "user", id: user.id, label: user.username }, null, {
      metadata: { was_locked: before.is_locked, failed_login_count: before.failed_login_count, locked_until: before.locked_until },
    });
    return toLockStatus({ failedLoginCount: 0, lockedUntil: null });
  });
}
