"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { deletePersonalAccessToken } from "@/lib/tokens/manage";
import { createPersonalAccessToken } from "@/lib/tokens/pat";
import { createTokenSchema, type CreateTokenInput } from "@/lib/tokens/schema";

const createForUser = action(z.object({ userId: z.string(), token: createTokenSchema }), (actor, { userId, token }) =>
  createPersonalAccessToken(actor, userId, token),
);
const revokeForUser = action(z.object({ userId: z.string(), tokenId: z.string() }), async (actor, { userId, tokenId }) => {
  await deletePersonalAccessToken(actor, userId, tokenId);
  return { id: tokenId };
});

/** Bound to the page's user (`.bind(null, userId)`), so the token manager only sends the form. */
export async function createUserTokenAction(userId: string, input: CreateTokenInput) {
  return createForUser({ userId, token: input });
}

export async function revokeUserTokenAction(userId: string, input: { tokenId: string }) {
  return revokeForUser({ userId, tokenId: input.tokenId });
}
