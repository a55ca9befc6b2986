import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { loadManagedUser, userOrgIds } from "./access";
import { auditSnapshot } from "./dto";
import { assertActiveSuperAdminRemains, assertMayManage, assertNotProtected, lockSuperAdmins, reducesSuperAdmins } from "./guards";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";

/**
 * Deletes a user for good: memberships, tokens, sessions, MFA credentials and attribute values go with it
 * (foreign-key cascades); audit events stay. Protected users answer 409.
 */
export async function deleteUser(actor: Actor, userId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockSuperAdmins(tx);
    await lockOrgAdmins(tx);
    const user = await loadManagedUser(tx, actor, userId, "users.delete");
    assertMayManage(actor, user);
    assertNotProtected(user, await getSettings(tx), "delete");
    const orgIds = await userOrgIds(tx, user.id);
    await keepingOrgAdmins(tx, orgIds, () => tx.delete(users).where(eq(users.id, user.id)));
    if (reducesSuperAdmins(user, null)) await assertActiveSuperAdminRemains(tx);
    await audit(tx, actor, "user.delete", { type: "user", id: user.id, label: user.username, orgId: orgIds[0] ?? null }, diffChanges(auditSnapshot(user), null));
  });
}
