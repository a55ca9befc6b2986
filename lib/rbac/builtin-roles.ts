import { ALL_PERMISSIONS, SYSTEM_ONLY_PERMISSIONS, VIEW_PERMISSIONS, type Permission } from "./permissions";

export type BuiltinRole = {
  key: string;
  scope: "system" | "org";
  name: string;
  description: string;
  permissions: readonly Permission[];
};

const orgAdminPermissions = ALL_PERMISSIONS.filter(
  (p) => !SYSTEM_ONLY_PERMISSIONS.includes(p) && p !== "roles.manage",
);

/** Built-in roles of both seeds; they cannot be edited or deleted. */
export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  { key: "system_user", scope: "system", name: "User", description: "Signs in and manages their own profile.", permissions: [] },
  {
    key: "system_admin",
    scope: "system",
    name: "System Admin",
    description: "Manages everything in every organization.",
    permissions: ALL_PERMISSIONS,
  },
  {
    key: "system_auditor",
    scope: "system",
    name: "System Auditor",
    description: "Reads everything, including the audit log; changes nothing.",
    permissions: [...VIEW_PERMISSIONS, "audit.view", "settings.view"].filter((p, i, a) => a.indexOf(p) === i) as Permission[],
  },
  { key: "org_user", scope: "org", name: "User", description: "A member of the organization.", permissions: [] },
  {
    key: "org_admin",
    scope: "org",
    name: "Org Admin",
    description: "Manages the users, groups and role assignments of the organization.",
    permissions: orgAdminPermissions,
  },
  {
    key: "org_auditor",
    scope: "org",
    name: "Org Auditor",
    description: "Reads the organization's users, groups, roles and audit log; changes nothing.",
    permissions: ["users.view", "groups.view", "roles.view", "orgs.view", "audit.view"],
  },
];

export const builtinRole = (key: string) => BUILTIN_ROLES.find((r) => r.key === key);
