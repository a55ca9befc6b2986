import "server-only";
import { eq } from "drizzle-orm";
import { settings as settingsTable } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput, validationError } from "../errors";
import { authorize } from "../rbac/authorize";
import { isSettingsSection, settingsSchema, settingsSectionSchemas, type Settings, type SettingsSection } from "./schema";
import { getSettings } from "./settings";

/** Every section (settings.view). The values are the settings DTO: snake_case, no secrets. */
export async function getSettingsFor(actor: Actor): Promise<Settings> {
  authorize(actor, "settings.view");
  return getSettings();
}

/** One section (settings.view); unknown sections are 404. */
export async function getSettingsSection<S extends SettingsSection>(actor: Actor, section: S | string): Promise<Settings[S]> {
  authorize(actor, "settings.view");
  if (!isSettingsSection(section)) throw notFound("Settings section");
  return (await getSettings())[section as S];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Partial update of one section (settings.manage): the given fields are merged over the stored values and the
 * whole section is validated (unknown fields and cross-field conflicts are 422). One transaction with the audit
 * event, which carries the diff. Returns the section as stored.
 */
export async function updateSettingsSection<S extends SettingsSection>(actor: Actor, section: S | string, input: unknown): Promise<Settings[S]> {
  authorize(actor, "settings.manage");
  if (!isSettingsSection(section)) throw notFound("Settings section");
  if (!isPlainObject(input)) throw validationError({ "": ["Send the fields to change as a JSON object."] });
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

  const db = await getDb();
  return db.transaction(async (tx) => {
    // Lock the row so concurrent partial updates of one section merge instead of overwriting each other.
    const [row] = await tx.select().from(settingsTable).where(eq(settingsTable.key, section)).for("update");
    const stored = settingsSchema.shape[section].safeParse(row?.value ?? {});
    const before = (stored.success ? stored.data : settingsSchema.shape[section].parse({})) as Record<string, unknown>;
    const after = parseInput(settingsSectionSchemas[section], { ...before, ...changes }) as Record<string, unknown>;

    const diff = diffChanges(before, after);
    if (Object.keys(diff).length > 0) {
      const now = new Date();
      await tx
        .insert(settingsTable)
        .values({ key: section, value: after, updatedAt: now, updatedBy: actor.label })
        .onConflictDoUpdate({ target: settingsTable.key, set: { value: after, updatedAt: now, updatedBy: actor.label } });
      await audit(tx, actor, "settings.update", { type: "settings", id: section, label: section }, diff);
    }
    return after as Settings[S];
  });
}
