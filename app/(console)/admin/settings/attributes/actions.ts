"use server";

import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions/action";
import { createAttributeDefinition, deleteAttributeDefinition, updateAttributeDefinition } from "@/lib/attributes/definitions";
import {
  createAttributeDefinitionSchema,
  setUserAttributesSchema,
  type AttributeDefinitionDto,
  type UpdateAttributeDefinitionInput,
  type UserAttributeDto,
} from "@/lib/attributes/schema";
import { setUserAttributes } from "@/lib/attributes/values";

// The domain functions parse their own input; these schemas only give each action its shape.
const byId = z.object({ id: z.string() });

export const createAttributeDefinitionAction = action(createAttributeDefinitionSchema, (actor, input) => createAttributeDefinition(actor, input));

const updateDefinition = action(byId.extend({ input: z.unknown() }), (actor, { id, input }) =>
  updateAttributeDefinition(actor, id, input as UpdateAttributeDefinitionInput),
);
export async function updateAttributeDefinitionAction(id: string, input: UpdateAttributeDefinitionInput): Promise<ActionResult<AttributeDefinitionDto>> {
  return updateDefinition({ id, input });
}

const deleteDefinition = action(byId, (actor, { id }) => deleteAttributeDefinition(actor, id));
export async function deleteAttributeDefinitionAction(id: string): Promise<ActionResult<void>> {
  return deleteDefinition({ id });
}

/** Admin side (user_attributes.manage): may set any attribute. Field errors are keyed `values.<key>`. */
const saveUserAttributes = action(setUserAttributesSchema.extend({ user_id: z.string() }), (actor, input) =>
  setUserAttributes(actor, input.user_id, input.values, "admin"),
);
export async function saveUserAttributesAction(userId: string, values: Record<string, unknown>): Promise<ActionResult<UserAttributeDto[]>> {
  return saveUserAttributes({ user_id: userId, values });
}
