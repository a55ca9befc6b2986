import { z } from "zod";

export const ATTRIBUTE_TYPES = ["text", "number", "boolean", "date", "select"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
export const MAX_SELECT_OPTIONS = 100;
export const MAX_TEXT_VALUE_LENGTH = 1000;

/** An attribute definition as it leaves lib/ (REST body, console props). */
export const attributeDefinitionSchema = z.object({
  id: z.guid(),
  key: z.string(),
  label: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  user_editable: z.boolean(),
  position: z.number().int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type AttributeDefinitionDto = z.infer<typeof attributeDefinitionSchema>;

const keySchema = z
  .string()
  .trim()
  .regex(ATTRIBUTE_KEY_PATTERN, "Use 1–63 lowercase letters, digits or underscores, starting with a letter.");
const labelSchema = z.string().trim().min(1, "Enter a label.").max(100, "At most 100 characters.");
const optionsSchema = z
  .array(z.string().trim().min(1, "Options cannot be empty.").max(200, "At most 200 characters per option."))
  .max(MAX_SELECT_OPTIONS, `At most ${MAX_SELECT_OPTIONS} options.`);
const positionSchema = z.number().int("Enter a whole number.").min(0).max(100_000);

/** A select needs a non-empty list of distinct options; every other type has none. */
export function optionsProblem(type: AttributeType, options: readonly string[] | undefined): string | null {
  const list = options ?? [];
  if (type !== "select") return list.length > 0 ? "Only select attributes have options." : null;
  if (list.length === 0) return "A select attribute needs at least one option.";
  if (new Set(list).size !== list.length) return "Options must be unique.";
  return null;
}

export const createAttributeDefinitionSchema = z
  .object({
    key: keySchema,
    label: labelSchema,
    type: z.enum(ATTRIBUTE_TYPES),
    options: optionsSchema.optional(),
    required: z.boolean().default(false),
    user_editable: z.boolean().default(false),
    position: positionSchema.default(0),
  })
  .superRefine((value, ctx) => {
    const problem = optionsProblem(value.type, value.options);
    if (problem) ctx.addIssue({ code: "custom", path: ["options"], message: problem });
  });
export type CreateAttributeDefinitionInput = z.input<typeof createAttributeDefinitionSchema>;

/**
 * PATCH body. `key` and `type` are accepted only so a form may send the whole definition back: changing either
 * is refused by updateAttributeDefinition (it needs the stored definition to tell).
 */
export const updateAttributeDefinitionSchema = z
  .object({
    key: keySchema,
    type: z.enum(ATTRIBUTE_TYPES),
    label: labelSchema,
    options: optionsSchema,
    required: z.boolean(),
    user_editable: z.boolean(),
    position: positionSchema,
  })
  .partial();
export type UpdateAttributeDefinitionInput = z.input<typeof updateAttributeDefinitionSchema>;

export const listAttributeDefinitionsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  q: z.string().trim().max(200).optional(),
});

/** A stored attribute value: JSON scalars only. */
export type AttributeValue = string | number | boolean | null;

/** One attribute of one user: its definition and the value (null when unset). */
export const userAttributeSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  user_editable: z.boolean(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type UserAttributeDto = z.infer<typeof userAttributeSchema>;

/** PATCH /api/v1/users/{id}/attributes. Values are checked per definition by setUserAttributes. */
export const setUserAttributesSchema = z.object({
  values: z.record(z.string(), z.unknown()),
});
export type SetUserAttributesInput = z.input<typeof setUserAttributesSchema>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2023-02-30 no). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

type ValueCheck = { ok: true; value: Exclude<AttributeValue, null> } | { ok: false; message: string };

function checkByType(definition: Pick<UserAttributeDto, "type" | "options">, value: unknown): ValueCheck {
  switch (definition.type) {
    case "text":
      if (typeof value !== "string") return { ok: false, message: "Enter text." };
      return value.length <= MAX_TEXT_VALUE_LENGTH ? { ok: true, value } : { ok: false, message: `At most ${MAX_TEXT_VALUE_LENGTH} characters.` };
    case "number": {
      // Forms send numbers as strings; JSON clients send numbers.
      const number = typeof value === "string" && NUMBER_PATTERN.test(value) ? Number(value) : value;
      return typeof number === "number" && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: "Enter a number." };
    }
    case "boolean":
      return typeof value === "boolean" ? { ok: true, value } : { ok: false, message: "Must be true or false." };
    case "date":
      return typeof value === "string" && isCalendarDate(value) ? { ok: true, value } : { ok: false, message: "Enter a real date as YYYY-MM-DD." };
    case "select":
      return typeof value === "string" && definition.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: "Choose one of the options." };
  }
}

/**
 * Validates one value for a definition and normalizes it: strings are trimmed, numeric strings become numbers,
 * and null, undefined or "" become null (clearing the value), which a required attribute refuses.
 */
export function attributeValueSchema(definition: Pick<UserAttributeDto, "type" | "options" | "required">) {
  return z.unknown().transform((raw, ctx): AttributeValue => {
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (value === null || value === undefined || value === "") {
      if (!definition.required) return null;
      ctx.addIssue({ code: "custom", message: "This attribute is required." });
      return z.NEVER;
    }
    const result = checkByType(definition, value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });
}

/** Every attribute's value at once, keyed by attribute key (for a form's resolver). */
export function attributeValuesSchema(definitions: ReadonlyArray<Pick<UserAttributeDto, "key" | "type" | "options" | "required">>) {
  return z.object(Object.fromEntries(definitions.map((d) => [d.key, attributeValueSchema(d)])));
}
