import type { AttributeValue, UserAttributeDto } from "./schema";

/** What a form control holds: text for inputs and selects, a boolean for a checkbox. */
export type AttributeFormValue = string | boolean;
export type AttributeFormValues = Record<string, AttributeFormValue>;

export function toAttributeFormValue(attribute: Pick<UserAttributeDto, "type">, value: AttributeValue): AttributeFormValue {
  if (attribute.type === "boolean") return value === true;
  return value === null ? "" : String(value);
}

/** Initial form values for getUserAttributes() results, keyed by attribute key. */
export function toAttributeFormValues(attributes: ReadonlyArray<Pick<UserAttributeDto, "key" | "type" | "value">>): AttributeFormValues {
  return Object.fromEntries(attributes.map((a) => [a.key, toAttributeFormValue(a, a.value)]));
}
