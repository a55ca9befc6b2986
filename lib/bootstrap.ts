import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orgMembers, organizations, roles, userRoles, users } from "@/db/schema";
import { audit } from "./audit/audit";
import { systemActor } from "./auth/actor";
import { hashPassword } from "./auth/passwords";
import { randomBase62 } from "./crypto/random";
import { getDb } from "./db";
import { env } from "./env";
import { BUILTIN_ROLES } from "./rbac/builtin-roles";
import { ensureDefaultSettings } from "./settings/settings";
import { ensureControlPlaneToken } from "./tokens/control-plane";

export const DEFAULT_ORG_ID = "00000000-0000-0000-0000-000000000002";
export const PROXY_PROVIDER_ID = "00000000-0000-0000-0000-000000000004";
export const PROXY_PROVIDER_EMAIL = "proxy-provider@service.internal";
export const CP_SERVICE_EMAIL = "cp-service@idp.local";

/** Built-in service accounts are never super-admins; they hold the system role their job needs. */
const BUILTIN_ACCOUNTS = [
  { id: PROXY_PROVIDER_ID, email: PROXY_PROVIDER_EMAIL, username: "proxy-provider", name: "Proxy provider", description: "Built-in service account of the proxy provider.", role: "system_user" },
  { email: CP_SERVICE_EMAIL, username: "cp-service", name: "Control plane", description: "Built-in service account of the control plane.", role: "system_admin" },
];

/** Arbitrary constant: instances starting together bootstrap one at a time. */
const BOOTSTRAP_LOCK = 7_243_002;

export type BootstrapResult = { admin?: { username: string; email: string; generatedPassword?: string } };

async function ensureBuiltinRoles(tx: Executor) {
  for (const role of BUILTIN_ROLES) {
    const values = { scope: role.scope, name: role.name, description: role.description, permissions: [...role.permissions], isBuiltin: true };
    await tx
      .insert(roles)
      .values({ ...values, builtinKey: role.key })
      .onConflictDoUpdate({ target: roles.builtinKey, set: { ...values, updatedAt: new Date() } });
  }
}

async function ensureBuiltinAccounts(tx: Executor) {
  await tx.insert(organizations).values({ id: DEFAULT_ORG_ID, name: "Default", description: "The built-in organization.", isDefault: true }).onConflictDoNothing();
  for (const { role, ...account } of BUILTIN_ACCOUNTS) {
    await tx.insert(users).values({ ...account, isServiceAccount: true, isBuiltin: true }).onConflictDoNothing();
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, account.email));
    if (!row) continue;
    await tx.insert(orgMembers).values({ orgId: DEFAULT_ORG_ID, userId: row.id }).onConflictDoNothing();
    const [builtinRole] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, role));
    if (builtinRole) await tx.insert(userRoles).values({ userId: row.id, roleId: builtinRole.id }).onConflictDoNothing();
  }
}

/** Creates (or restores) a super-admin when no active interactive one exists, so the console is always reachable. */
async function ensureSuperAdmin(tx: Executor): Promise<BootstrapResult["admin"]> {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isAdmin, true), eq(users.isActive, true), eq(users.isServiceAccount, false)))
    .limit(1);
  if (existing) return undefined;

  const email = env.ADMIN_EMAIL ?? "admin@gatehouse.local";
  const username = env.ADMIN_EMAIL ? email.split("@")[0].toLowerCase().replace(/[^a-z0-9._-]/g, "") || "admin" : "admin";
  const generatedPassword = env.ADMIN_PASSWORD ? undefined : `${randomBase62(20)}-Gh1`;
  const passwordHash = await hashPassword(env.ADMIN_PASSWORD ?? generatedPassword!);
  const now = new Date();
  const fields = { isAdmin: true, isActive: true, isServiceAccount: false, passwordHash, passwordChangedAt: now, authSource: "internal", lockedUntil: null, failedLoginCount: 0, updatedAt: now };

  const [clash] = await tx
    .select({ id: users.id })
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, username), eq(sql`lower(${users.email})`, email.toLowerCase())))
    .limit(1);
  const [admin] = clash
    ? await tx.update(users).set(fields).where(eq(users.id, clash.id)).returning()
    : await tx.insert(users).values({ ...fields, name: "Administrator", username, email }).returning();

  await tx.insert(orgMembers).values({ orgId: DEFAULT_ORG_ID, userId: admin.id }).onConflictDoNothing();
  const [userRole] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, "system_user"));
  if (userRole) await tx.insert(userRoles).values({ userId: admin.id, roleId: userRole.id }).onConflictDoNothing();
  await audit(tx, systemActor("bootstrap"), clash ? "user.admin_restored" : "user.create", { type: "user", id: admin.id, label: admin.username }, null, {
    metadata: { reason: "no active super-admin existed", is_admin: true },
  });
  return { username: admin.username, email: admin.email, generatedPassword };
}

/** Idempotent start-up: built-in roles, the Default organization, built-in accounts, settings, first super-admin. */
export async function bootstrap(): Promise<BootstrapResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    await ensureBuiltinRoles(tx);
    await ensureBuiltinAccounts(tx);
    await ensureControlPlaneToken(tx);
    await ensureDefaultSettings(tx);
    return { admin: await ensureSuperAdmin(tx) };
  });
}

/** The one time a generated admin password is shown: boxed, on the server console. */
export function announceAdmin(result: BootstrapResult, log: (line: string) => void = console.log): void {
  const admin = result.admin;
  if (!admin) return;
  const lines = [
    "Gatehouse created the first super-admin.",
    `  username: ${admin.username}`,
    `  email:    ${admin.email}`,
    admin.generatedPassword ? `  password: ${admin.generatedPassword}` : "  password: the value of ADMIN_PASSWORD",
    admin.generatedPassword ? "This password is shown only once. Sign in and change it." : "",
  ].filter(Boolean);
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  log(`┌${"─".repeat(width)}┐`);
  for (const line of lines) log(`│ ${line.padEnd(width - 1)}│`);
  log(`└${"─".repeat(width)}┘`);
}
