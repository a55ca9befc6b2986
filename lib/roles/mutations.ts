import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { roles, type RoleRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb, isUniqueViolation } from "../db";
import { conflict, notFound, parseInput } from "../errors";
import { isUuid } from "../ids";
import { authorize } from "../rbac/authorize";
import { assertWithinCeiling, freshActor } from "../rbac/ceiling";
import { toRoleDto } from "./dto";
import { createRoleSchema, updateRoleSchema, type CreateRoleInput, type RoleDto, type UpdateRoleInput } from "./schema";

const nameTaken = (scope: string, name: string) => conflict(`A ${scope === "system" ? "system" : "organization"} role named "${name}" already exists.`);

async function assertNameFree(tx: Executor, scope: RoleRow["scope"], name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.scope, scope), eq(sql`lower(${roles.name})`, name.toLowerCase()), exceptId ? ne(roles.id, exceptId) : undefined));
  if (taken) throw nameTaken(scope, name);
}

async function lockCustomRole(tx: Executor, roleId: string): Promise<RoleRow> {
  if (!isUuid(roleId)) throw notFound("Role");
  const [role] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update");
  if (!role) throw notFound("Role");
  if (role.isBuiltin) throw conflict(`"${role.name}" is a built-in role: it cannot be changed or deleted.`);
  return role;
}

/** Roles are templates used everywhere, so their permissions are held to the actor's system-wide ceiling. */
const ceilingFor = (actor: Actor, scope: RoleRow["scope"], permissions: string[]) =>
  assertWithinCeiling(actor, [{ role: { name: "", scope, permissions }, orgId: null }]);

const snapshot = (role: RoleRow) => ({ name: role.name, description: role.description, permissions: [...role.permissions].sort() });

/** The name check runs first inside the transaction; the unique index settles a race between two creators. */
async function uniquely<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A role named "${name}" already exists.`);
    throw error;
  }
}

/** A custom role (roles.manage, system-wide). An organization role never holds a system-only permission (422). */
export async function createRole(actor: Actor, input: CreateRoleInput): Promise<RoleDto> {
  const data = parseInput(createRoleSchema, input);
  authorize(actor, "roles.manage");
  const db = await getDb();
  return uniquely(data.name, () =>
    db.transaction(async (tx) => {
      const current = await freshActor(tx, actor);
      authorize(current, "roles.manage");
      ceilingFor(current, data.scope, data.permissions);
      await assertNameFree(tx, data.scope, data.name);
      const [role] = await tx.insert(roles).values({ scope: data.scope, name: data.name, description: data.description, permissions: data.permissions }).returning();
      await audit(tx, actor, "role.create", { type: "role", id: role.id, label: role.name }, diffChanges(null, { scope: role.scope, ...snapshot(role) }));
      return toRoleDto(role);
    }),
  );
}

/** PATCH a custom role; built-ins are immutable (409). Added or removed permissions must be within the actor's ceiling. */
export async function updateRole(actor: Actor, roleId: string, input: UpdateRoleInput): Promise<RoleDto> {
  const data = parseInput(updateRoleSchema, input);
  authorize(actor, "roles.manage");
  const db = await getDb();
  return uniquely(data.name ?? "", () =>
    db.transaction(async (tx) => {
      const current = await freshActor(tx, actor);
      authorize(current, "roles.manage");
      const role = await lockCustomRole(tx, roleId);
      if (data.permissions) {
        // The same rules as creation: an organization role never holds a system-only permission (422).
        const next: string[] = parseInput(createRoleSchema, { scope: role.scope, name: role.name, permissions: data.permissions }).permissions;
        const changed = [...next.filter((p) => !role.permissions.includes(p)), ...role.permissions.filter((p) => !next.includes(p))];
        ceilingFor(current, role.scope, changed);
      }
      if (data.name !== undefined && data.name.toLowerCase() !== role.name.toLowerCase()) await assertNameFree(tx, role.scope, data.name, role.id);
      const [updated] = await tx
        .update(roles)
        .set({
          ...(data.name !== undefined && { name: data.name }),
          ...(data.description !== undefined && { description: data.description }),
          ...(data.permissions !== undefined && { permissions: data.permissions }),
          updatedAt: new Date(),
        })
        .where(eq(roles.id, role.id))
        .returning();
      await audit(tx, actor, "role.update", { type: "role", id: role.id, label: updated.name }, diffChanges(snapshot(role), snapshot(updated)));
      return toRoleDto(updated);
    }),
  );
}

/** Deletes a custom role and every assignment of it; built-ins cannot be deleted (409). */
export async function deleteRole(actor: Actor, roleId: string): Promise<void> {
  authorize(actor, "roles.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const current = await freshActor(tx, actor);
    authorize(current, "roles.manage");
    const role = await lockCustomRole(tx, roleId);
    ceilingFor(current, role.scope, role.permissions);
    await tx.delete(roles).where(eq(roles.id, role.id));
    await audit(tx, actor, "role.delete", { type: "role", id: role.id, label: role.name }, diffChanges({ scope: role.scope, ...snapshot(role) }, null));
  });
}
