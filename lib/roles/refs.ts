import type { RoleDto, RoleRef } from "./schema";

/** Role DTOs narrowed to what pickers and lists need. */
export const toRoleRefs = (roles: RoleDto[]): RoleRef[] =>
  roles.map(({ id, scope, name, is_builtin, builtin_key }) => ({ id, scope, name, is_builtin, builtin_key }));
