import "server-only";
import { eq, sql } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb, isUniqueViolation } from "../db";
import { conflict, forbidden, parseInput, validationError } from "../errors";
import { assertPasswordAcceptable, storeNewPassword } from "../passwords/check";
import { issuePasswordLink } from "../passwords/reset-tokens";
import { authorize } from "../rbac/authorize";
import { changeUserRolesInTx } from "../roles/assignment";
import { getSettings } from "../settings/settings";
import { giveNewUserDefaults, defaultExpiry } from "./defaults";
import { auditSnapshot, toUserDto } from "./dto";
import { createUserSchema, type CreateUserInput, type UserDto } from "./schema";
import { availableUsername, usernameFromEmail } from "./username";

const EMAIL_TAKEN = "A user with this email address already exists.";

/**
 * Creates a local user or a service account (justiam-users.txt "Creating a user"; JumpServer "Password setting").
 * Local users get a password now (checked by the policy) or a single-use setup link by email.
 */
export async function createUser(actor: Actor, input: CreateUserInput): Promise<UserDto> {
  const data = parseInput(createUserSchema, input);
  const orgId = data.org_id ?? DEFAULT_ORG_ID;
  authorize(actor, "users.create", { orgId });
  if (data.is_admin && !actor.isAdmin) throw forbidden("Only a super-admin can create a super-admin.");

  const db = await getDb();
  const settings = await getSettings(db);
  const passwordMode = data.is_service_account ? null : (data.password_mode ?? (data.password ? "set" : "reset_link"));
  const now = new Date();
  const dateExpired =
    data.date_expired !== undefined
      ? data.date_expired
        ? new Date(data.date_expired)
        : null
      : defaultExpiry(now);

  try {
    const { dto, link } = await db.transaction(async (tx) => {
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
      if (!org) throw validationError({ org_id: ["Unknown organization."] });
      const [emailTaken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, data.email.toLowerCase()));
      if (emailTaken) throw conflict(EMAIL_TAKEN);
      let username = data.username;
      if (username) {
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
        if (taken) throw conflict(`The username "${username}" is already taken.`);
      } else {
        username = await availableUsername(tx, usernameFromEmail(data.email));
      }
      if (passwordMode === "set") await assertPasswordAcceptable(tx, data.password!, { username, email: data.email }, settings.password);

      const [created] = await tx
        .insert(users)
        .values({
          username,
          email: data.email,
          name: data.name || `${data.first_name} ${data.last_name}`.trim() || username,
          firstName: data.first_name,
          lastName: data.last_name,
          phone: data.phone ?? null,
          description: data.description,
          isActive: data.is_active,
          isAdmin: data.is_admin,
          isServiceAccount: data.is_service_account,
          mfaPolicy: data.mfa_policy,
          dateExpired,
          mustChangePassword: passwordMode === "set" ? data.must_change_password : false,
        })
        .returning();
      let user = created;
      if (passwordMode === "set") {
        await storeNewPassword(tx, user.id, data.password!, { mustChange: data.must_change_password });
        [user] = await tx.select().from(users).where(eq(users.id, user.id));
      }

      await giveNewUserDefaults(tx, user.id, orgId);

      if (data.system_role_ids || data.org_role_ids) {
        await changeUserRolesInTx(
          tx,
          actor,
          user.id,
          { ...(data.system_role_ids && { system_role_ids: data.system_role_ids }), ...(data.org_role_ids && { org_roles: [{ org_id: orgId, role_ids: data.org_role_ids }] }) },
          "set",
        );
      }

      await audit(tx, actor, "user.create", { type: "user", id: user.id, label: user.username, orgId }, diffChanges(null, auditSnapshot(user)), {
        metadata: { password_mode: passwordMode },
      });
      const link = passwordMode === "reset_link" ? await issuePasswordLink(tx, user, actor, "setup") : null;
      return { dto: toUserDto(user), link };
    });
    await link?.deliver(); // the invitation is mailed once the account exists for everyone
    return dto;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN.replace("email address", "email address or username"));
    throw error;
  }
}
