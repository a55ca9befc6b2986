import "server-only";
import type { Actor } from "../auth/actor";
import { assertRecentAuthentication } from "../auth/reauth";
import { forbidden } from "../errors";
import { deletePersonalAccessToken } from "../tokens/manage";
import { createPersonalAccessToken } from "../tokens/pat";
import type { CreatedToken, CreateTokenInput } from "../tokens/schema";

function self(actor: Actor): string {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in person can manage their tokens here.");
  return actor.userId;
}

/** A token for oneself from the profile: a sensitive change, so it needs a recent authentication first. */
export async function createOwnToken(actor: Actor, input: CreateTokenInput): Promise<CreatedToken> {
  const userId = self(actor);
  await assertRecentAuthentication(actor);
  return createPersonalAccessToken(actor, userId, input);
}

/** Revokes one of one's own tokens from the profile (recent authentication required, like creating one). */
export async function revokeOwnToken(actor: Actor, tokenId: string): Promise<{ id: string }> {
  const userId = self(actor);
  await assertRecentAuthentication(actor);
  await deletePersonalAccessToken(actor, userId, tokenId);
  return { id: tokenId };
}
