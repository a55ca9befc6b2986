"use client";

import { Checkbox, FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import type { AttributeFormValue, AttributeFormValues } from "@/lib/attributes/form";
import { MAX_TEXT_VALUE_LENGTH, type UserAttributeDto } from "@/lib/attributes/schema";

export type AttributeFieldsProps = {
  /** getUserAttributes() / getOwnAttributes() results (their `value` is ignored here: pass `values`). */
  attributes: ReadonlyArray<Omit<UserAttributeDto, "value">>;
  /** Current control values keyed by attribute key; start from toAttributeFormValues(attributes). */
  values: AttributeFormValues;
  onChange: (key: string, value: AttributeFormValue) => void;
  /** Error message per attribute key. */
  errors?: Partial<Record<string, string>>;
  /** "self" shows attributes that are not user-editable as read-only. */
  mode?: "admin" | "self";
  disabled?: boolean;
  /** Prefix for element ids, when two of these are on one page. */
  idPrefix?: string;
};

/**
 * Inputs for a user's attributes, one per definition and chosen by type. Controlled: it holds no state, so it
 * fits a react-hook-form form through watch() + setValue() (see UserAttributesForm) or plain useState.
 * Values are what the controls hold (strings, booleans for checkboxes); attributeValuesSchema() turns them into
 * stored values (numbers, null for "").
 */
export function AttributeFields({ attributes, values, onChange, errors = {}, mode = "admin", disabled = false, idPrefix = "attribute" }: AttributeFieldsProps) {
  return (
    <div className="space-y-4">
      {attributes.map((attribute) => {
        const id = `${idPrefix}-${attribute.key}`;
        const error = errors[attribute.key];
        const readOnly = disabled || (mode === "self" && !attribute.user_editable);
        const hint = mode === "self" && !attribute.user_editable ? "Only an administrator can change this." : undefined;
        const value = values[attribute.key];
        const common = {
          id,
          name: attribute.key,
          disabled: readOnly,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": fieldDescribedBy(id, { hint: !!hint, error: !!error }),
        };

        if (attribute.type === "boolean") {
          return (
            <div key={attribute.key} className="space-y-1.5">
              <Checkbox
                {...common}
                aria-describedby={[hint && `${id}-description`, error && `${id}-error`].filter(Boolean).join(" ") || undefined}
                label={attribute.label} description={hint}
                checked={value === true}
                onChange={(e) => onChange(attribute.key, e.target.checked)}
              />
              {error ? (
                <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
                  {error}
                </p>
              ) : null}
            </div>
          );
        }

        const text = typeof value === "string" ? value : "";
        const change = (next: string) => onChange(attribute.key, next);
        return (
          <FormField key={attribute.key} label={attribute.label} htmlFor={id} error={error} hint={hint} required={attribute.required}>
            {attribute.type === "select" ? (
              <Select {...common} required={attribute.required} value={text} onChange={(e) => change(e.target.value)}>
                <option value="" disabled={attribute.required}>
                  {attribute.required ? "Choose…" : "Not set"}
                </option>
                {/* A value whose option was removed since is still shown as it is stored. */}
                {text && !attribute.options.includes(text) ? <option value={text}>{text} (no longer an option)</option> : null}
                {attribute.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                {...common}
                required={attribute.required}
                type={attribute.type === "number" ? "number" : attribute.type === "date" ? "date" : "text"}
                step={attribute.type === "number" ? "any" : undefined}
                inputMode={attribute.type === "number" ? "decimal" : undefined}
                maxLength={attribute.type === "text" ? MAX_TEXT_VALUE_LENGTH : undefined}
                value={text}
                onChange={(e) => change(e.target.value)}
              />
            )}
          </FormField>
        );
      })}
    </div>
  );
}
