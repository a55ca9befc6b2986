import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, settings as settingsTable } from "@/db/schema";
import { getDb } from "../db";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { DEFAULT_SETTINGS } from "./schema";
import { getSettings } from "./settings";
import { getSettingsFor, getSettingsSection, updateSettingsSection } from "./update";

const outcome = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const fieldErrorsOf = (promise: Promise<unknown>) => promise.then(() => null, (e: { details?: { fieldErrors?: Record<string, string[]> } }) => e.details?.fieldErrors);

async function storedRow(section: string) {
  const db = await getDb();
  const [row] = await db.select().from(settingsTable).where(eq(settingsTable.key, section));
  return row;
}

describe("settings authorization", () => {
  it("refuses plain users; lets a System Auditor read but not write; lets a System Admin do both", async () => {
    const plain = await actorFor(await createTestUser());
    expect(await outcome(getSettingsFor(plain))).toBe("forbidden");
    expect(await outcome(getSettingsSection(plain, "password"))).toBe("forbidden");
    expect(await outcome(updateSettingsSection(plain, "password", { min_length: 14 }))).toBe("forbidden");

    const auditorUser = await createTestUser();
    await grantSystemRole(auditorUser.id, "system_auditor");
    const auditor = await actorFor(auditorUser);
    expect(await getSettingsFor(auditor)).toEqual(await getSettings());
    expect(await getSettingsSection(auditor, "sessions")).toEqual(DEFAULT_SETTINGS.sessions);
    expect(await outcome(updateSettingsSection(auditor, "sessions", { idle_minutes: 30 }))).toBe("forbidden");
    expect((await getSettings()).sessions.idle_minutes).toBe(DEFAULT_SETTINGS.sessions.idle_minutes);

    const adminRole = await createTestUser();
    await grantSystemRole(adminRole.id, "system_admin");
    expect(await updateSettingsSection(await actorFor(adminRole), "sessions", { idle_minutes: 30 })).toEqual({ ...DEFAULT_SETTINGS.sessions, idle_minutes: 30 });
  });

  it("answers 404 for an unknown section, to readers and writers", async () => {
    const admin = await actorFor(await adminUser());
    expect(await outcome(getSettingsSection(admin, "smtp_secrets"))).toBe("not_found");
    expect(await outcome(updateSettingsSection(admin, "__proto__", {}))).toBe("not_found");
  });
});

describe("updateSettingsSection", () => {
  it("merges a partial update over the stored values, stores it and audits the diff", async () => {
    const admin = await actorFor(await adminUser());
    await updateSettingsSection(admin, "password", { min_length: 14 });
    const result = await updateSettingsSection(admin, "password", { require_digit: true });
    expect(result).toEqual({ ...DEFAULT_SETTINGS.password, min_length: 14, require_digit: true });
    expect((await storedRow("password")).value).toEqual(result);
    expect((await storedRow("password")).updatedBy).toBe("admin");

    const db = await getDb();
    const events = (await db.select().from(auditEvents).where(eq(auditEvents.action, "settings.update")).orderBy(auditEvents.occurredAt)).filter((e) => e.targetId === "password");
    expect(events.map((e) => e.diff)).toEqual([{ min_length: { before: 12, after: 14 } }, { require_digit: { before: false, after: true } }]);
    expect(events[0]).toMatchObject({ targetType: "settings", targetId: "password", actorLabel: "admin" });
  });

  it("writes and audits nothing when nothing changes", async () => {
    const admin = await actorFor(await adminUser());
    const before = await storedRow("audit");
    await updateSettingsSection(admin, "audit", { retention_days: DEFAULT_SETTINGS.audit.retention_days });
    expect(await storedRow("audit")).toEqual(before);
    const db = await getDb();
    expect(await db.select().from(auditEvents).where(eq(auditEvents.targetId, "audit"))).toHaveLength(0);
  });

  it.each([
    ["max_length below 64", "password", { max_length: 63 }, "max_length"],
    ["min_length above max_length", "password", { min_length: 100, max_length: 80 }, "min_length"],
    ["min_length below 8", "password", { min_length: 7 }, "min_length"],
    ["a string for a number", "sessions", { idle_minutes: "60" }, "idle_minutes"],
    ["an unknown proxy mode", "proxy", { proxy_mode: "open" }, "proxy_mode"],
    ["an unknown field", "login", { lockout_threshold: 5, is_admin: true }, ""],
    ["a __proto__ key", "login", JSON.parse('{"__proto__": {"polluted": true}}'), ""],
    ["a body that is not an object", "users", [1, 2], ""],
  ])("refuses %s with a 422 naming the field, changing nothing", async (_label, section, input, field) => {
    const admin = await actorFor(await adminUser());
    const before = await getSettings();
    const errors = await fieldErrorsOf(updateSettingsSection(admin, section, input));
    expect(errors && Object.keys(errors)).toEqual([field]);
    expect(await getSettings()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts null to turn off user inactivity", async () => {
    const admin = await actorFor(await adminUser());
    expect(await updateSettingsSection(admin, "users", { inactive_days: 90 })).toEqual({ inactive_days: 90 });
    expect(await updateSettingsSection(admin, "users", { inactive_days: null })).toEqual({ inactive_days: null });
  });
});
