import { api } from "@/lib/api/handler";
import { noContent } from "@/lib/api/responses";
import { reauthenticate } from "@/lib/auth/reauth";

/** POST /api/v1/me/reauthenticate — signed-in person: `{ password }` restarts the 10-minute window. 204; 422; 429. */
export const POST = api({ permission: "authenticated" }, async ({ actor, json }) => {
  const body = (await json()) as { password?: unknown } | null;
  await reauthenticate(actor, typeof body?.password === "string" ? body.password : "");
  return noContent();
});
