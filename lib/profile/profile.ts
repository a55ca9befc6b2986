import "server-only";
import { forgetStaleOtpChannels } from "../mfa/profile-contacts";
import { and, eq, ne, sql } from "drizzle-orm";
import { users, type UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { assertRecentAuthentication } from "../auth/reauth";
import { getDb, isUniqueViolation } from "../db";
import { conflict, forbidden, notFound, parseInput } from "../errors";
import { SENSITIVE_PROFILE_FIELDS, updateProfileSchema, type ProfileDto, type UpdateProfileInput } from "./schema";

const EMAIL_TAKEN = "Another account already uses this email address.";
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toProfileDto(user: UserRow): ProfileDto {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
    first_name: user.firstName,
    last_name: user.lastName,
    phone: user.phone,
    auth_source: user.authSource,
    is_service_account: user.isServiceAccount,
    has_local_password: user.authSource === "internal" && !user.isServiceAccount,
    mfa_policy: user.mfaPolicy,
    last_login_at: iso(user.lastLoginAt),
    created_at: user.createdAt.toISOString(),
  };
}

const snapshot = (u: UserRow) => ({ email: u.email, name: u.name, first_name: u.firstName, last_name: u.lastName, phone: u.phone });

/** The acting person (session or token). */
export async function getOwnProfile(actor: Actor): Promise<ProfileDto> {
  if (!actor.userId || actor.kind === "system") throw forbidden();
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw notFound("User");
  return toProfileDto(user);
}

/**
 * A person edits their own profile. Only the fields of updateProfileSchema exist here (is_admin and the like are
 * refused as unknown). Changing email or phone needs a recent authentication. Tokens cannot edit a profile.
 */
export async function updateOwnProfile(actor: Actor, input: UpdateProfileInput, now = new Date()): Promise<ProfileDto> {
  const data = parseInput(updateProfileSchema, input);
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in person can edit their profile.");
  const userId = actor.userId;
  const db = await getDb();
  const [current] = await db.select().from(users).where(eq(users.id, userId));
  if (!current) throw notFound("User");
  const changes = Object.fromEntries(Object.entries(data).filter(([key, value]) => snapshot(current)[key as keyof ReturnType<typeof snapshot>] !== value));
  if (Object.keys(changes).length === 0) return toProfileDto(current);
  if (SENSITIVE_PROFILE_FIELDS.some((field) => field in changes)) await assertRecentAuthentication(actor, now);

  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
      if (data.email !== undefined && data.email.toLowerCase() !== user.email.toLowerCase()) {
        const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, data.email.toLowerCase()), ne(users.id, userId)));
        if (taken) throw conflict(EMAIL_TAKEN);
      }
      const [after] = await tx
        .update(users)
        .set({
          ...(data.email !== undefined && { email: data.email }),
          ...(data.name !== undefined && { name: data.name || user.username }),
          ...(data.first_name !== undefined && { firstName: data.first_name }),
          ...(data.last_name !== undefined && { lastName: data.last_name }),
          ...(data.phone !== undefined && { phone: data.phone }),
          updatedAt: now,
        })
        .where(eq(users.id, userId))
        .returning();
      const mfaRemoved = await forgetStaleOtpChannels(tx, userId, { phone: after.phone, email: after.email });
      await audit(tx, actor, "user.profile_update", { type: "user", id: user.id, label: user.username }, diffChanges(snapshot(user), snapshot(after)), {
        metadata: { via: "self", ...(mfaRemoved.length && { mfa_channels_removed: mfaRemoved }) },
      });
      return toProfileDto(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN);
    throw error;
  }
}
