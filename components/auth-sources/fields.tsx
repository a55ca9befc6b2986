"use client";

import { useFormContext, type FieldValues } from "react-hook-form";
import { Checkbox, FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";

type Common = { name: string; label: string; hint?: string; required?: boolean };

const idOf = (name: string) => `source-${name.replace(/\./g, "-")}`;

function errorAt(errors: FieldValues, name: string): string | undefined {
  const found = name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { message?: string } | undefined;
  return found?.message;
}

/** A labelled text, password, number or multi-line field bound to a (dotted) path of the surrounding form. */
export function TextField({ name, label, hint, required, type = "text", multiline, placeholder, readOnly }: Common & { type?: "text" | "password" | "number" | "url"; multiline?: boolean; placeholder?: string; readOnly?: boolean }) {
  const { register, formState } = useFormContext();
  const id = idOf(name);
  const error = errorAt(formState.errors, name);
  const a11y = { id, placeholder, readOnly, "aria-invalid": !!error, "aria-describedby": fieldDescribedBy(id, { hint: !!hint, error: !!error }) };
  const registration = register(name, type === "number" ? { setValueAs: (v: unknown) => (v === "" || v === undefined ? undefined : Number(v)) } : undefined);
  return (
    <FormField label={label} htmlFor={id} hint={hint} error={error} required={required}>
      {multiline ? <Textarea rows={4} className="font-mono text-xs" {...a11y} {...registration} /> : <Input type={type} autoComplete={type === "password" ? "new-password" : "off"} {...a11y} {...registration} />}
    </FormField>
  );
}

export function CheckboxField({ name, label, hint }: Common) {
  const { register } = useFormContext();
  return <Checkbox id={idOf(name)} label={label} description={hint} {...register(name)} />;
}

/** A titled group of fields, two columns on wide screens. */
export function FieldGroup({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold text-zinc-900">{legend}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
