import { notFound } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getGroup } from "@/lib/groups/queries";

/** The group of this route segment, loaded once per request; unknown or invisible groups are a 404 page. */
export const loadGroupForPage = cache(async (actor: Actor, id: string) => {
  try {
    return await getGroup(actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});
