import type { Permission } from "../rbac/permissions";

/** Permissions resolved for one principal: system-wide, and per organization id. */
export type ResolvedPermissions = {
  system: ReadonlySet<Permission>;
  orgs: ReadonlyMap<string, ReadonlySet<Permission>>;
};

export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

/** Who is acting. Only getActor() and the api() wrapper produce user/token actors (DESIGN.md §3). */
export type Actor = {
  kind: "user" | "token" | "system";
  userId: string | null;
  /** Username (or "system"), kept in audit events. */
  label: string;
  isAdmin: boolean;
  permissions: ResolvedPermissions;
  /** Set for token actors: scopes narrow the owner's permissions. Null means every permission of the owner. */
  tokenScopes?: readonly string[] | null;
  sessionId?: string;
  tokenId?: string;
  meta: RequestMeta;
};

export const NO_PERMISSIONS: ResolvedPermissions = { system: new Set(), orgs: new Map() };
export const NO_META: RequestMeta = { ip: null, userAgent: null, requestId: null };

/** The actor for start-up jobs and command-line tools. */
export function systemActor(label = "system"): Actor {
  return { kind: "system", userId: null, label, isAdmin: true, permissions: NO_PERMISSIONS, meta: NO_META };
}
