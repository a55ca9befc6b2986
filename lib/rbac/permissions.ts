/** The permission catalog (DESIGN.md §4). Permissions are data; roles hold them. */
export const PERMISSIONS = {
  "users.view": { resource: "Users", label: "View users" },
  "users.create": { resource: "Users", label: "Create users" },
  "users.update": { resource: "Users", label: "Edit users" },
  "users.delete": { resource: "Users", label: "Delete users" },
  "users.reset_password": { resource: "Users", label: "Reset passwords" },
  "users.reset_mfa": { resource: "Users", label: "Reset MFA" },
  "users.revoke_sessions": { resource: "Users", label: "Revoke sessions and JWTs" },
  "users.manage_tokens": { resource: "Users", label: "Manage other users' tokens" },
  "groups.view": { resource: "Groups", label: "View groups" },
  "groups.manage": { resource: "Groups", label: "Create, edit and delete groups and members" },
  "roles.view": { resource: "Roles", label: "View roles" },
  "roles.manage": { resource: "Roles", label: "Create, edit and delete roles" },
  "roles.assign": { resource: "Roles", label: "Assign roles" },
  "orgs.view": { resource: "Organizations", label: "View organizations" },
  "orgs.manage": { resource: "Organizations", label: "Create, edit and delete organizations" },
  "user_attributes.manage": { resource: "User attributes", label: "Manage user attributes" },
  "auth_sources.manage": { resource: "Authentication sources", label: "Manage authentication sources" },
  "settings.view": { resource: "Settings", label: "View settings" },
  "settings.manage": { resource: "Settings", label: "Change settings" },
  "audit.view": { resource: "Audit", label: "View the audit log" },
} as const satisfies Record<string, { resource: string; label: string }>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const isPermission = (value: string): value is Permission => Object.hasOwn(PERMISSIONS, value);

/** Permissions that only make sense system-wide (never granted by an organization role). */
export const SYSTEM_ONLY_PERMISSIONS: readonly Permission[] = [
  "orgs.manage",
  "user_attributes.manage",
  "auth_sources.manage",
  "settings.view",
  "settings.manage",
];

export const VIEW_PERMISSIONS = ALL_PERMISSIONS.filter((p) => p.endsWith(".view"));
