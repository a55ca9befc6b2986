import "server-only";
import type { Executor } from "@/db/client";
import type { UserRow } from "@/db/schema";
import { resolvePermissions } from "../rbac/resolve";
import type { Actor, RequestMeta } from "./actor";

/** The actor for a signed-in user (session) or for a user's token. */
export async function userActor(
  db: Executor,
  user: UserRow,
  meta: RequestMeta,
  via: { sessionId: string } | { tokenId: string; scopes: readonly string[] | null },
): Promise<Actor> {
  const base = {
    userId: user.id,
    label: user.username,
    isAdmin: user.isAdmin,
    permissions: await resolvePermissions(db, user.id),
    meta,
  };
  return "sessionId" in via
    ? { ...base, kind: "user", sessionId: via.sessionId }
    : { ...base, kind: "token", tokenId: via.tokenId, tokenScopes: via.scopes };
}

/** An actor for events about a person who is not (yet) authenticated: sign-in attempts, reset requests. */
export function anonymousActor(label: string, meta: RequestMeta, userId: string | null = null): Actor {
  return { kind: "user", userId, label: label.slice(0, 254), isAdmin: false, permissions: { system: new Set(), orgs: new Map() }, meta };
}
