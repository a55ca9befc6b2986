import "server-only";
import { getOwnAttributes, setUserAttributes } from "../attributes/values";
import type { UserAttributeDto } from "../attributes/schema";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";

/** The person's user-editable attributes (GET /api/v1/me/attributes). */
export const listOwnAttributes = (actor: Actor): Promise<UserAttributeDto[]> => getOwnAttributes(actor);

/**
 * Sets some of the person's own attributes. Always `via: "self"`, so an attribute that is not user-editable is
 * refused whatever the request says; there is no way to reach the admin path from here.
 */
export async function updateOwnAttributes(actor: Actor, values: Record<string, unknown>): Promise<UserAttributeDto[]> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in person can edit their profile.");
  return setUserAttributes(actor, actor.userId, values, "self");
}
