"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createOwnToken, revokeOwnToken } from "@/lib/profile/tokens";
import { createTokenSchema } from "@/lib/tokens/schema";

export const createOwnTokenAction = action(createTokenSchema, (actor, input) => createOwnToken(actor, input));

export const revokeOwnTokenAction = action(z.object({ tokenId: z.string() }), (actor, { tokenId }) => revokeOwnToken(actor, tokenId));
