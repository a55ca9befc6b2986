/** Test data written straight into the real test database (setup, not a mock). */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { orgMemberRoles, orgMembers, organizations, roles, userRoles, users, type UserRow } from "@/db/schema";
import { NO_META, type Actor } from "../auth/actor";
import { hashPassword } from "../auth/passwords";
import { userActor } from "../auth/principal";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb } from "../db";

export const TEST_PASSWORD = "Correct-Horse-Battery-9";
let testPasswordHash: Promise<string> | undefined;

export const uniqueName = (prefix = "user") => `${prefix}${randomBytes(4).toString("hex")}`;

export async function createTestUser(overrides: Partial<typeof users.$inferInsert> & { orgId?: string | null } = {}): Promise<UserRow> {
  const db = await getDb();
  const { orgId = DEFAULT_ORG_ID, ...fields } = overrides;
  const username = fields.username ?? uniqueName();
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      name: username,
      username,
      email: `${username}@example.test`,
      passwordHash: fields.isServiceAccount ? null : await testPasswordHash,
      ...fields,
    })
    .returning();
  if (orgId) await db.insert(orgMembers).values({ orgId, userId: user.id }).onConflictDoNothing();
  return user;
}

export async function createTestOrg(name = uniqueName("org")): Promise<string> {
  const db = await getDb();
  const [org] = await db.insert(organizations).values({ name }).returning();
  return org.id;
}

async function roleId(key: string): Promise<string> {
  const db = await getDb();
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, key));
  if (!role) throw new Error(`no built-in role ${key}`);
  return role.id;
}

export async function grantSystemRole(userId: string, key: "system_admin" | "system_auditor" | "system_user") {
  const db = await getDb();
  await db.insert(userRoles).values({ userId, roleId: await roleId(key) });
}

export async function grantOrgRole(userId: string, orgId: string, key: "org_admin" | "org_auditor" | "org_user") {
  const db = await getDb();
  await db.insert(orgMembers).values({ orgId, userId }).onConflictDoNothing();
  await db.insert(orgMemberRoles).values({ orgId, userId, roleId: await roleId(key) });
}

/** The actor a signed-in user would be. */
export async function actorFor(user: UserRow): Promise<Actor> {
  return userActor(await getDb(), user, NO_META, { sessionId: "00000000-0000-0000-0000-00000000abcd" });
}

export async function adminUser(): Promise<UserRow> {
  const db = await getDb();
  const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
  return admin;
}
