import { describe, expect, it } from "vitest";
import { toAttributeFormValues } from "./form";
import { attributeValueSchema, attributeValuesSchema, isCalendarDate, type UserAttributeDto } from "./schema";

const def = (type: UserAttributeDto["type"], extra: Partial<UserAttributeDto> = {}) => ({ type, options: [], required: false, ...extra });
const parse = (d: ReturnType<typeof def>, value: unknown) => {
  const result = attributeValueSchema(d).safeParse(value);
  return result.success ? { ok: result.data } : { error: result.error.issues[0].message };
};

describe("attributeValueSchema", () => {
  it("text: a string of at most 1000 characters, trimmed", () => {
    expect(parse(def("text"), "  Sales ")).toEqual({ ok: "Sales" });
    expect(parse(def("text"), "x".repeat(1000))).toEqual({ ok: "x".repeat(1000) });
    expect(parse(def("text"), "x".repeat(1001))).toHaveProperty("error");
    expect(parse(def("text"), 12)).toHaveProperty("error");
    expect(parse(def("text"), { a: 1 })).toHaveProperty("error");
  });

  it("number: finite numbers, and numeric strings from forms converted", () => {
    expect(parse(def("number"), 42)).toEqual({ ok: 42 });
    expect(parse(def("number"), -1.5)).toEqual({ ok: -1.5 });
    expect(parse(def("number"), "7")).toEqual({ ok: 7 });
    expect(parse(def("number"), " 2.50 ")).toEqual({ ok: 2.5 });
    expect(parse(def("number"), "1e3")).toEqual({ ok: 1000 });
    for (const bad of ["abc", "0x10", "1,5", "Infinity", Number.NaN, Number.POSITIVE_INFINITY, "1e999", true]) {
      expect(parse(def("number"), bad)).toHaveProperty("error");
    }
  });

  it("boolean: true or false only", () => {
    expect(parse(def("boolean"), true)).toEqual({ ok: true });
    expect(parse(def("boolean"), false)).toEqual({ ok: false });
    expect(parse(def("boolean"), "true")).toHaveProperty("error");
    expect(parse(def("boolean"), 1)).toHaveProperty("error");
  });

  it("date: YYYY-MM-DD naming a real calendar day", () => {
    expect(parse(def("date"), "2024-02-29")).toEqual({ ok: "2024-02-29" });
    expect(parse(def("date"), "1999-12-31")).toEqual({ ok: "1999-12-31" });
    for (const bad of ["2023-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-1-5", "05/01/2024", "2024-01-01T00:00:00Z", "0000-01-01", 20240101]) {
      expect(parse(def("date"), bad), String(bad)).toHaveProperty("error");
    }
    expect(isCalendarDate("2100-02-29")).toBe(false);
    expect(isCalendarDate("2000-02-29")).toBe(true);
  });

  it("select: one of the options, exactly", () => {
    const d = def("select", { options: ["Berlin", "Paris"] });
    expect(parse(d, "Paris")).toEqual({ ok: "Paris" });
    expect(parse(d, "London")).toEqual({ error: "Choose one of the options." });
    expect(parse(d, "paris")).toHaveProperty("error");
    expect(parse(d, ["Paris"])).toHaveProperty("error");
  });

  it("null, undefined and an empty string clear a value, unless the attribute is required", () => {
    for (const type of ["text", "number", "boolean", "date", "select"] as const) {
      for (const empty of [null, undefined, "", "   "]) {
        expect(parse(def(type), empty)).toEqual({ ok: null });
        expect(parse(def(type, { required: true }), empty)).toEqual({ error: "This attribute is required." });
      }
    }
    expect(parse(def("boolean", { required: true }), false)).toEqual({ ok: false });
  });

  it("validates a whole form keyed by attribute key, and builds its initial values", () => {
    const attributes: UserAttributeDto[] = [
      { key: "floor", label: "Floor", type: "number", options: [], required: true, user_editable: false, value: 3 },
      { key: "remote", label: "Remote", type: "boolean", options: [], required: false, user_editable: true, value: null },
      { key: "site", label: "Site", type: "select", options: ["A"], required: false, user_editable: true, value: null },
    ];
    const initial = toAttributeFormValues(attributes);
    expect(initial).toEqual({ floor: "3", remote: false, site: "" });
    expect(attributeValuesSchema(attributes).parse(initial)).toEqual({ floor: 3, remote: false, site: null });
    const failed = attributeValuesSchema(attributes).safeParse({ ...initial, floor: "", site: "B" });
    expect(failed.success ? [] : failed.error.issues.map((i) => i.path.join("."))).toEqual(["floor", "site"]);
  });
});
