import "server-only";
import { forgetStaleOtpChannels } from "../mfa/profile-contacts";
import { and, eq, ne, sql } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb, isUniqueViolation } from "../db";
import { conflict, forbidden, parseInput, validationError } from "../errors";
import { assertPasswordAcceptable, storeNewPassword } from "../passwords/check";
import { getSettings } from "../settings/settings";
import { loadManagedUser, userOrgIds } from "./access";
import { auditSnapshot, toUserDto } from "./dto";
import { assertActiveSuperAdminRemains, assertMayManage, assertNotProtected, lockSuperAdmins, reducesSuperAdmins } from "./guards";
import { updateUserSchema, type UpdateUserInput, type UserDto } from "./schema";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";

const EMAIL_TAKEN = "A user with this email address already exists.";

/**
 * Partial update (PATCH /api/v1/users/{id}, console Edit). Deactivation ends every session and JWT at once;
 * "change secret" is for local users only; only a super-admin changes is_admin; the last active super-admin
 * cannot be deactivated or demoted, even by two admins at the same instant.
 */
export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput): Promise<UserDto> {
  const data = parseInput(updateUserSchema, input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const mayReduce = data.is_admin === false || data.is_active === false;
      if (mayReduce) await lockSuperAdmins(tx);
      if (data.is_active === false) await lockOrgAdmins(tx);
      const user = await loadManagedUser(tx, actor, userId, "users.update");
      assertMayManage(actor, user);
      if (data.is_admin !== undefined && data.is_admin !== user.isAdmin && !actor.isAdmin) {
        throw forbidden("Only a super-admin can grant or remove super-admin rights.");
      }
      if (data.password !== undefined && (user.isServiceAccount || user.authSource !== "internal")) {
        throw validationError({ password: [user.isServiceAccount ? "Service accounts have no password." : `Users from "${user.authSource}" have no local password.`] });
      }
      if (data.must_change_password && (user.isServiceAccount || user.authSource !== "internal")) {
        throw validationError({ must_change_password: ["Only local users have a password to change."] });
      }

      const settings = await getSettings(tx);
      const deactivating = data.is_active === false && user.isActive;
      if (deactivating) assertNotProtected(user, settings, "deactivate");
      const email = data.email ?? user.email;
      if (data.email !== undefined && data.email.toLowerCase() !== user.email.toLowerCase()) {
        const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, data.email.toLowerCase()), ne(users.id, user.id)));
        if (taken) throw conflict(EMAIL_TAKEN);
      }
      if (data.password !== undefined) await assertPasswordAcceptable(tx, data.password, { id: user.id, username: user.username, email }, settings.password);

      const now = new Date();
      const endSessions = deactivating || data.password !== undefined;
      await keepingOrgAdmins(tx, deactivating ? await userOrgIds(tx, user.id) : [], () =>
        tx
          .update(users)
          .set({
            ...(data.email !== undefined && { email: data.email }),
            ...(data.name !== undefined && { name: data.name || user.username }),
            ...(data.first_name !== undefined && { firstName: data.first_name }),
            ...(data.last_name !== undefined && { lastName: data.last_name }),
            ...(data.phone !== undefined && { phone: data.phone }),
            ...(data.description !== undefined && { description: data.description }),
            ...(data.is_active !== undefined && { isActive: data.is_active }),
            ...(data.is_admin !== undefined && { isAdmin: data.is_admin }),
            ...(data.mfa_policy !== undefined && { mfaPolicy: data.mfa_policy }),
            ...(data.date_expired !== undefined && { dateExpired: data.date_expired ? new Date(data.date_expired) : null }),
            ...(data.must_change_password !== undefined && { mustChangePassword: data.must_change_password }),
            ...(endSessions && { jwtRevokedBefore: now }),
            updatedAt: now,
          })
          .where(eq(users.id, user.id)),
      );
      if (data.password !== undefined) await storeNewPassword(tx, user.id, data.password, { mustChange: data.must_change_password ?? user.mustChangePassword });
      if (endSessions) await tx.delete(sessions).where(eq(sessions.userId, user.id));

      const [after] = await tx.select().from(users).where(eq(users.id, user.id));
      if (reducesSuperAdmins(user, after)) await assertActiveSuperAdminRemains(tx);
      const mfaRemoved = await forgetStaleOtpChannels(tx, user.id, { phone: after.phone, email: after.email });
      await audit(tx, actor, "user.update", { type: "user", id: user.id, label: user.username }, diffChanges(auditSnapshot(user), auditSnapshot(after)), {
        metadata: {
          ...(data.password !== undefined && { password_changed: true }),
          ...(endSessions && { sessions_ended: true }),
          ...(mfaRemoved.length && { mfa_channels_removed: mfaRemoved }),
        },
      });
      return toUserDto(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN);
    throw error;
  }
}
