import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type UserRow } from "@/db/schema";
import { defaultExpiry, giveNewUserDefaults } from "../users/defaults";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import { systemActor, type Actor, type RequestMeta } from "../auth/actor";
import type { SignInRefusalCode } from "../auth/schema";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb, isUniqueViolation } from "../db";
import { auditSnapshot } from "../users/dto";
import { E164_PATTERN, USERNAME_PATTERN } from "../users/schema";
import { availableUsername, usernameFromEmail } from "../users/username";

/** A person as a federated source (LDAP entry, OIDC claims) describes them. */
export type FederatedIdentity = {
  externalId: string;
  username: string;
  email: string;
  emailVerified?: boolean | null;
  name: string;
  firstName: string;
  lastName: string;
  phone: string | null;
};

/** Refusals shown to the person signing in (lib/auth/schema.ts SIGN_IN_REFUSALS): never a silent take-over. */
export type ProvisionRefusal = Extract<SignInRefusalCode, "email_taken" | "missing_email" | "email_unverified">;
export type ProvisionResult = { user: UserRow; created: boolean } | { refused: ProvisionRefusal; holderId?: string };

const sourceActor = (slug: string, meta: RequestMeta): Actor => ({ ...systemActor(`auth-source:${slug}`), meta });

/** Directory values that fit Gatehouse's rules; anything else is left as it was. */
function profileFrom(identity: FederatedIdentity) {
  const name = identity.name || `${identity.firstName} ${identity.lastName}`.trim();
  return {
    ...(name && { name: name.slice(0, 128) }),
    ...(identity.firstName && { firstName: identity.firstName.slice(0, 64) }),
    ...(identity.lastName && { lastName: identity.lastName.slice(0, 64) }),
    ...(identity.phone && E164_PATTERN.test(identity.phone) && { phone: identity.phone }),
  };
}

async function syncProfile(tx: Executor, user: UserRow, identity: FederatedIdentity, actor: Actor): Promise<UserRow> {
  const changes: Partial<UserRow> = { ...profileFrom(identity), ...(user.externalId ? {} : { externalId: identity.externalId }) };
  const changed = Object.entries(changes).filter(([key, value]) => user[key as keyof UserRow] !== value);
  if (!changed.length) return user;
  const [updated] = await tx.update(users).set({ ...Object.fromEntries(changed), updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
  await audit(tx, actor, "user.update", { type: "user", id: user.id, label: user.username }, diffChanges(auditSnapshot(user), auditSnapshot(updated)), {
    metadata: { synced_from: user.authSource },
  });
  return updated;
}

async function createFederatedUser(tx: Executor, slug: string, identity: FederatedIdentity, actor: Actor): Promise<UserRow> {
  const wanted = identity.username.toLowerCase();
  const base = USERNAME_PATTERN.test(wanted) && !wanted.includes("@") ? wanted : usernameFromEmail(identity.email);
  const username = await availableUsername(tx, base);
  const [user] = await tx
    .insert(users)
    .values({
      username,
      email: identity.email,
      name: username,
      ...profileFrom(identity),
      authSource: slug,
      externalId: identity.externalId,
      passwordHash: null,
      dateExpired: defaultExpiry(),
    })
    .returning();
  // The same starting point as a user created in the console: the Default organization and the built-in User roles.
  await giveNewUserDefaults(tx, user.id, DEFAULT_ORG_ID);
  await audit(tx, actor, "user.create", { type: "user", id: user.id, label: user.username, orgId: DEFAULT_ORG_ID }, diffChanges(null, auditSnapshot(user)), {
    metadata: { just_in_time: true, source: slug },
  });
  return user;
}

async function provisionOnce(slug: string, identity: FederatedIdentity, meta: RequestMeta): Promise<ProvisionResult> {
  const db = await getDb();
  const actor = sourceActor(slug, meta);
  return db.transaction(async (tx) => {
    const [linked] = await tx.select().from(users).where(and(eq(users.authSource, slug), eq(users.externalId, identity.externalId))).for("update");
    if (linked) return { user: await syncProfile(tx, linked, identity, actor), created: false };
    if (!identity.email) return { refused: "missing_email" };
    const [holder] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, identity.email.toLowerCase())).for("update");
    if (holder) {
      // Only a user of this same source, not yet linked to another entry, is the same person (e.g. pre-created by an admin).
      if (holder.authSource === slug && !holder.externalId) return { user: await syncProfile(tx, holder, identity, actor), created: false };
      return { refused: "email_taken", holderId: holder.id };
    }
    if (identity.emailVerified === false) return { refused: "email_unverified" };
    return { user: await createFederatedUser(tx, slug, identity, actor), created: true };
  });
}

/**
 * The Gatehouse user for a federated identity: the one linked to it, else a user of the same source with its email
 * (then linked), else created just in time with auth_source = the source's slug. An email held by a user of any
 * other source is refused. Two first sign-ins racing each other: the loser retries and finds the winner's row.
 */
export async function provisionFederatedUser(slug: string, identity: FederatedIdentity, meta: RequestMeta): Promise<ProvisionResult> {
  try {
    return await provisionOnce(slug, identity, meta);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return provisionOnce(slug, identity, meta);
  }
}
