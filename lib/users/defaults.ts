import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orgMemberRoles, orgMembers, roles, userRoles } from "@/db/schema";
import { env } from "../env";

/** A new user's starting point, whoever creates them: member of one organization with the built-in User roles. */
export async function giveNewUserDefaults(tx: Executor, userId: string, orgId: string): Promise<void> {
  await tx.insert(orgMembers).values({ orgId, userId });
  const defaults = await tx.select({ id: roles.id, key: roles.builtinKey }).from(roles).where(sql`${roles.builtinKey} in ('system_user', 'org_user')`);
  for (const role of defaults) {
    if (role.key === "system_user") await tx.insert(userRoles).values({ userId, roleId: role.id });
    else await tx.insert(orgMemberRoles).values({ orgId, userId, roleId: role.id });
  }
}

/** date_expired for a new user: USER_DEFAULT_EXPIRED_DAYS from now, when configured. */
export const defaultExpiry = (now = new Date()) =>
  env.USER_DEFAULT_EXPIRED_DAYS ? new Date(now.getTime() + env.USER_DEFAULT_EXPIRED_DAYS * 86_400_000) : null;
