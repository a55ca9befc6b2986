import type { RoleRow } from "@/db/schema";
import type { RoleDto, RoleRef } from "./schema";

export function toRoleDto(role: RoleRow): RoleDto {
  return {
    id: role.id,
    scope: role.scope,
    name: role.name,
    description: role.description,
    builtin_key: role.builtinKey,
    is_builtin: role.isBuiltin,
    permissions: [...role.permissions].sort(),
    created_at: role.createdAt.toISOString(),
    updated_at: role.updatedAt.toISOString(),
  };
}

export const toRoleRef = (role: Pick<RoleRow, "id" | "scope" | "name" | "isBuiltin" | "builtinKey">): RoleRef => ({
  id: role.id,
  scope: role.scope,
  name: role.name,
  is_builtin: role.isBuiltin,
  builtin_key: role.builtinKey,
});

/** Built-ins first (in catalog order of scope), then by name. */
export const compareRoles = (a: Pick<RoleRow, "isBuiltin" | "name">, b: Pick<RoleRow, "isBuiltin" | "name">) =>
  Number(b.isBuiltin) - Number(a.isBuiltin) || a.name.localeCompare(b.name);
