import { notFound } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getUser } from "@/lib/users/queries";

/** The user of this route segment, loaded once per request; unknown or invisible users are a 404 page. */
export const loadUserForPage = cache(async (actor: Actor, id: string) => {
  try {
    return await getUser(actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});
