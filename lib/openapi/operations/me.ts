import { z } from "zod";
import { setUserAttributesSchema } from "../../attributes/schema";
import { ownSessionSchema, profileSchema, reauthenticateSchema, signInEventSchema, updateProfileSchema } from "../../profile/schema";
import { named, type Operation } from "../operation";
import { components as c } from "../schemas";

const tag = "Me";
const profile = named("Profile", profileSchema);
const PERSON_ONLY = "A signed-in person only (tokens get 403).";

export const meOperations: Operation[] = [
  { method: "get", path: "/me", tag, permission: "authenticated", summary: "Your profile", description: "Any caller, session or token.", success: { status: 200, schema: profile } },
  { method: "patch", path: "/me", tag, permission: "authenticated", summary: "Update your profile", description: `${PERSON_ONLY} email and phone need an authentication within 10 minutes, otherwise 401 with errors.reauthentication (POST /me/reauthenticate, then retry).`, body: named("UpdateProfileInput", updateProfileSchema), success: { status: 200, schema: profile }, errors: [{ status: 409, description: "The email is taken." }] },
  { method: "post", path: "/me/reauthenticate", tag, permission: "authenticated", summary: "Confirm it's you", description: `${PERSON_ONLY} Restarts the 10-minute window for sensitive changes.`, body: named("ReauthenticateInput", reauthenticateSchema), success: { status: 204 } },
  { method: "get", path: "/me/attributes", tag, permission: "authenticated", summary: "Your user-editable attributes", success: { status: 200, schema: c.userAttributes } },
  { method: "patch", path: "/me/attributes", tag, permission: "authenticated", summary: "Set your attributes", description: "Attributes that are not user-editable are 422.", body: named("SetUserAttributesInput", setUserAttributesSchema), success: { status: 200, schema: c.userAttributes } },
  { method: "get", path: "/me/sessions", tag, permission: "authenticated", summary: "Your sessions", description: "`current` marks the one making the request.", success: { status: 200, schema: named("OwnSessionList", z.object({ data: z.array(ownSessionSchema) })) } },
  { method: "delete", path: "/me/sessions", tag, permission: "authenticated", summary: "Sign out your other sessions", description: "All of them when called with a token.", success: { status: 204 } },
  { method: "delete", path: "/me/sessions/{id}", tag, permission: "authenticated", summary: "Sign out one of your sessions", success: { status: 204 } },
  { method: "get", path: "/me/sign-ins", tag, permission: "authenticated", summary: "Your latest sign-ins and failed attempts", description: "`?limit` (max 50).", query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }), success: { status: 200, schema: named("SignInList", z.object({ data: z.array(signInEventSchema) })) } },
];
