import "server-only";
import type { Executor } from "@/db/client";
import { settings as settingsTable } from "@/db/schema";
import { getDb } from "../db";
import { DEFAULT_SETTINGS, SETTINGS_SECTIONS, settingsSchema, type Settings } from "./schema";

/** All settings, stored values over defaults. A section that no longer parses falls back to its defaults. */
export async function getSettings(db?: Executor): Promise<Settings> {
  const rows = await (db ?? (await getDb())).select().from(settingsTable);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const result = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const section of SETTINGS_SECTIONS) {
    const parsed = settingsSchema.shape[section].safeParse(stored[section] ?? {});
    if (parsed.success) result[section] = parsed.data;
  }
  return result as Settings;
}

/** Writes any missing section with its defaults (bootstrap). */
export async function ensureDefaultSettings(tx: Executor): Promise<void> {
  await tx
    .insert(settingsTable)
    .values(SETTINGS_SECTIONS.map((key) => ({ key, value: DEFAULT_SETTINGS[key] as Record<string, unknown>, updatedBy: "system" })))
    .onConflictDoNothing();
}
