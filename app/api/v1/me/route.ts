import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { getOwnProfile, updateOwnProfile } from "@/lib/profile/profile";
import type { UpdateProfileInput } from "@/lib/profile/schema";

/** GET /api/v1/me — any authenticated caller (session or token): their own profile. */
export const GET = api({ permission: "authenticated" }, async ({ actor }) => ok(await getOwnProfile(actor)));

/**
 * PATCH /api/v1/me — signed-in person only (tokens get 403). name, first_name, last_name, phone, email; anything
 * else is 422. email/phone need an authentication within 10 minutes: otherwise 401 with errors.reauthentication
 * (POST /api/v1/me/reauthenticate, then retry).
 */
export const PATCH = api({ permission: "authenticated" }, async ({ actor, json }) => ok(await updateOwnProfile(actor, (await json()) as UpdateProfileInput)));
