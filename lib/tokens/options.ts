import "server-only";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { resolvePermissions } from "../rbac/resolve";
import { getSettings } from "../settings/settings";
import { heldPermissions, isControlPlaneAccount, loadTokenOwner, permissionsBeyondActor } from "./access";
import { TOKEN_DEFAULT_DAYS, type TokenFormOptions } from "./schema";

/** What the token form offers for `userId`'s tokens (authorized like listing them). */
export async function getTokenFormOptions(actor: Actor, userId: string): Promise<TokenFormOptions> {
  const db = await getDb();
  const { owner, self } = await loadTokenOwner(db, actor, userId);
  const held = await resolvePermissions(db, owner.id);
  const ownerHolds = heldPermissions(owner, held);
  const beyond = self ? [] : permissionsBeyondActor(actor, owner, held, ownerHolds);
  const scopes = ownerHolds.filter((p) => !beyond.includes(p) && (!actor.tokenScopes || actor.tokenScopes.includes(p)));
  const { tokens } = await getSettings(db);
  return {
    scopes,
    all_allowed: beyond.length === 0 && !actor.tokenScopes,
    max_days: tokens.max_days,
    default_days: Math.min(TOKEN_DEFAULT_DAYS, tokens.max_days),
    is_control_plane: isControlPlaneAccount(owner),
  };
}
