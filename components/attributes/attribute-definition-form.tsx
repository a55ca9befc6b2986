"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Checkbox, FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import {
  ATTRIBUTE_TYPES,
  createAttributeDefinitionSchema,
  type AttributeDefinitionDto,
  type CreateAttributeDefinitionInput,
} from "@/lib/attributes/schema";

type Values = CreateAttributeDefinitionInput;
type Parsed = z.output<typeof createAttributeDefinitionSchema>;

export const TYPE_LABELS: Record<(typeof ATTRIBUTE_TYPES)[number], string> = {
  text: "Text",
  number: "Number",
  boolean: "Yes / no",
  date: "Date",
  select: "Select (list of options)",
};

const FIELDS = ["key", "label", "type", "options", "required", "user_editable", "position"] as const;
/** Element ids, prefixed so the form can share a page with others. */
const fid = (name: string) => `attribute-definition-${name}`;
const linesOf = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

export type AttributeDefinitionFormProps = {
  /** The definition to edit; omitted to create one. Key and type cannot change after creation. */
  definition?: AttributeDefinitionDto;
  submit: (values: Parsed) => Promise<ActionResult<AttributeDefinitionDto>>;
  onDone: (saved: AttributeDefinitionDto) => void;
  onCancel: () => void;
};

export function AttributeDefinitionForm({ definition, submit, onDone, onCancel }: AttributeDefinitionFormProps) {
  const editing = !!definition;
  const [failure, setFailure] = useState<string | null>(null);
  const [optionsText, setOptionsText] = useState((definition?.options ?? []).join("\n"));
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(createAttributeDefinitionSchema),
    defaultValues: definition
      ? (({ key, label, type, options, required, user_editable, position }) => ({ key, label, type, options, required, user_editable, position }))(definition)
      : { key: "", label: "", type: "text", options: [], required: false, user_editable: false, position: 0 },
  });
  const type = useWatch({ control, name: "type" });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await submit(values);
    if (result.ok) return onDone(result.data);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      const name = FIELDS.find((f) => field === f || field.startsWith(`${f}.`));
      if (name) setError(name, { message: messages[0] });
    }
    setFailure(result.message);
  });

  const optionsError = errors.options?.message ?? (Array.isArray(errors.options) ? errors.options.find(Boolean)?.message : undefined);
  const error = (name: "key" | "label" | "type" | "position") => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": fieldDescribedBy(fid(name), { hint: name === "key" || name === "position", error: !!errors[name] }),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert>{failure}</FormAlert>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Key" htmlFor={fid("key")} required error={errors.key?.message} hint={editing ? "Fixed after creation." : "Lowercase letters, digits and _, e.g. cost_center."}>
          {editing ? (
            <Input id={fid("key")} value={definition.key} readOnly disabled aria-describedby={`${fid("key")}-hint`} />
          ) : (
            <Input id={fid("key")} autoFocus autoComplete="off" spellCheck={false} {...error("key")} {...register("key")} />
          )}
        </FormField>
        <FormField label="Label" htmlFor={fid("label")} required error={errors.label?.message}>
          <Input id={fid("label")} autoFocus={editing} maxLength={100} {...error("label")} {...register("label")} />
        </FormField>
        <FormField label="Type" htmlFor={fid("type")} required error={errors.type?.message}>
          {editing ? (
            <Input id={fid("type")} value={TYPE_LABELS[definition.type]} readOnly disabled />
          ) : (
            <Select
              id={fid("type")}
              {...error("type")}
              {...register("type", {
                onChange: (e) => setValue("options", e.target.value === "select" ? linesOf(optionsText) : [], { shouldValidate: isSubmitted }),
              })}
            >
              {ATTRIBUTE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Position" htmlFor={fid("position")} error={errors.position?.message} hint="Lower numbers are shown first.">
          <Input id={fid("position")} type="number" min={0} step={1} {...error("position")} {...register("position", { valueAsNumber: true })} />
        </FormField>
      </div>
      {type === "select" ? (
        <FormField label="Options" htmlFor={fid("options")} required error={optionsError} hint="One option per line, at most 100.">
          <Textarea
            id={fid("options")}
            rows={5}
            value={optionsText}
            aria-invalid={optionsError ? true : undefined}
            aria-describedby={fieldDescribedBy(fid("options"), { hint: true, error: !!optionsError })}
            onChange={(e) => {
              setOptionsText(e.target.value);
              setValue("options", linesOf(e.target.value), { shouldDirty: true, shouldValidate: isSubmitted });
            }}
          />
        </FormField>
      ) : null}
      <div className="space-y-2">
        <Checkbox id={fid("required")} label="Required" description="A value must be set and cannot be cleared." {...register("required")} />
        <Checkbox id={fid("user_editable")} label="Editable by the user" description="Users may change their own value in their profile. Admins can always change it." {...register("user_editable")} />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" loading={isSubmitting}>
          {editing ? "Save attribute" : "Add attribute"}
        </Button>
      </div>
    </form>
  );
}
