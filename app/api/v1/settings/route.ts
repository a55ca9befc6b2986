import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { getSettingsFor } from "@/lib/settings/update";

/** GET /api/v1/settings — settings.view. Every section. */
export const GET = api({ permission: "settings.view" }, async ({ actor }) => ok(await getSettingsFor(actor)));
