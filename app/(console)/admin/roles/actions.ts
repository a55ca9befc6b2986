"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createRole, deleteRole, updateRole } from "@/lib/roles/mutations";
import { createRoleSchema, updateRoleSchema } from "@/lib/roles/schema";

const byId = z.object({ id: z.string() });

export const createRoleAction = action(createRoleSchema, (actor, input) => createRole(actor, input));

export const updateRoleAction = action(byId.extend({ changes: updateRoleSchema }), (actor, { id, changes }) => updateRole(actor, id, changes));

export const deleteRoleAction = action(byId, async (actor, { id }) => {
  await deleteRole(actor, id);
  return { id };
});
