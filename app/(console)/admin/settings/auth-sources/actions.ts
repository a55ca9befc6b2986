"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createAuthSource, deleteAuthSource, updateAuthSource } from "@/lib/auth-sources/mutations";
import { createAuthSourceSchema, testAuthSourceSchema, updateAuthSourceSchema } from "@/lib/auth-sources/schema";
import { testAuthSourceConnection } from "@/lib/auth-sources/test-connection";

export const createAuthSourceAction = action(createAuthSourceSchema, (actor, input) => createAuthSource(actor, input));

export const updateAuthSourceAction = action(z.object({ id: z.string(), changes: updateAuthSourceSchema }), (actor, { id, changes }) => updateAuthSource(actor, id, changes));

export const deleteAuthSourceAction = action(z.object({ id: z.string() }), async (actor, { id }) => {
  await deleteAuthSource(actor, id);
  return { id };
});

export const testAuthSourceAction = action(testAuthSourceSchema, (actor, input) => testAuthSourceConnection(actor, input));
