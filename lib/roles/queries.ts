import "server-only";
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { roles } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput } from "../errors";
import { isUuid } from "../ids";
import { authorizeAnywhere } from "../rbac/authorize";
import { escapeLike } from "../users/queries";
import type { Page } from "../users/schema";
import { toRoleDto } from "./dto";
import { listRolesQuerySchema, type RoleDto } from "./schema";

const SORT_COLUMNS = { name: roles.name, created_at: roles.createdAt };

/** Roles of both scopes (or one), searched and paginated. Roles are templates: anyone with roles.view anywhere reads them all. */
export async function listRoles(actor: Actor, query: Record<string, unknown>): Promise<Page<RoleDto>> {
  const input = parseInput(listRolesQuerySchema, query);
  authorizeAnywhere(actor, "roles.view");
  const db = await getDb();
  const where: SQL[] = [];
  if (input.scope) where.push(eq(roles.scope, input.scope));
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`;
    where.push(or(ilike(roles.name, pattern), ilike(roles.description, pattern))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const column = SORT_COLUMNS[input.sort.replace(/^-/, "") as keyof typeof SORT_COLUMNS];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(roles)
      .where(condition)
      .orderBy(asc(roles.scope), input.sort.startsWith("-") ? desc(column) : asc(column), asc(roles.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(roles).where(condition),
  ]);
  return { data: rows.map(toRoleDto), total, page: input.page, limit: input.limit };
}

export async function getRole(actor: Actor, roleId: string): Promise<RoleDto> {
  authorizeAnywhere(actor, "roles.view");
  if (!isUuid(roleId)) throw notFound("Role");
  const db = await getDb();
  const [role] = await db.select().from(roles).where(eq(roles.id, roleId));
  if (!role) throw notFound("Role");
  return toRoleDto(role);
}

/** Every role of a scope (for pickers), built-ins first. */
export async function listAllRoles(actor: Actor, scope?: "system" | "org"): Promise<RoleDto[]> {
  authorizeAnywhere(actor, "roles.view");
  const db = await getDb();
  const rows = await db
    .select()
    .from(roles)
    .where(scope ? eq(roles.scope, scope) : undefined)
    .orderBy(asc(roles.scope), desc(roles.isBuiltin), asc(roles.name));
  return rows.map(toRoleDto);
}
