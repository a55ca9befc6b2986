import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { getSettingsSection, updateSettingsSection } from "@/lib/settings/update";

type Params = { section: string };

/** GET /api/v1/settings/{section} — settings.view. */
export const GET = api<Params>({ permission: "settings.view" }, async ({ actor, params }) => ok(await getSettingsSection(actor, params.section)));

/** PATCH /api/v1/settings/{section} — settings.manage. Partial update; unknown fields or bad values are 422. */
export const PATCH = api<Params>({ permission: "settings.manage" }, async ({ actor, params, json }) =>
  ok(await updateSettingsSection(actor, params.section, await json())),
);
