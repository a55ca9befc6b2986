"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormRegister } from "react-hook-form";
import { applyFieldErrors } from "@/components/passwords/form-errors";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Checkbox, FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import { settingsSectionSchemas, type SettingsSection } from "@/lib/settings/schema";
import { SECTION_FIELDS, type SettingField } from "./section-fields";

export type UpdateSettingsAction = (input: { section: SettingsSection; values: Record<string, unknown> }) => Promise<ActionResult<unknown>>;

export type SettingsSectionFormProps = {
  section: SettingsSection;
  values: Record<string, unknown>;
  canManage: boolean;
  action: UpdateSettingsAction;
};

/** One settings section as a card with its own form; read-only (disabled) without settings.manage. */
export function SettingsSectionForm({ section, values, canManage, action }: SettingsSectionFormProps) {
  const { title, description, fields } = SECTION_FIELDS[section];
  const router = useRouter();
  const { toast } = useToast();
  const headingId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FieldValues>({ resolver: zodResolver(settingsSectionSchemas[section]) as unknown as Resolver<FieldValues>, defaultValues: values });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (submitted) => {
    setFailure(null);
    const result = await action({ section, values: submitted });
    if (!result.ok) {
      const unplaced = applyFieldErrors(result.fieldErrors, fields.map((f) => f.name), form.setError);
      setFailure(unplaced.length ? unplaced.join(" ") : null);
      toast({ title: `${title} not saved`, description: result.message, tone: "error" });
      return;
    }
    form.reset(result.data as FieldValues);
    toast({ title: `${title} saved`, tone: "success" });
    router.refresh();
  });

  return (
    <Card aria-labelledby={headingId}>
      <CardHeader id={headingId} title={title} description={description} />
      <form onSubmit={onSubmit} noValidate>
        <CardBody className="space-y-4">
          {failure ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
              {failure}
            </p>
          ) : null}
          <fieldset disabled={!canManage || isSubmitting} className="grid gap-4 sm:grid-cols-2">
            <legend className="sr-only">{title}</legend>
            {fields.map((field) => (
              <SettingInput key={field.name} field={field} register={form.register} error={errors[field.name]?.message as string | undefined} />
            ))}
          </fieldset>
        </CardBody>
        {canManage ? (
          <div className="flex justify-end gap-2 border-t border-zinc-200 px-5 py-3">
            <Button variant="secondary" disabled={!isDirty || isSubmitting} onClick={() => form.reset(values)}>
              Reset
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Save
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function SettingInput({ field, register, error }: { field: SettingField; register: UseFormRegister<FieldValues>; error?: string }) {
  const id = `setting-${field.name}`;
  if (field.kind === "boolean") {
    return <Checkbox id={id} label={field.label} description={field.hint} className="sm:col-span-2" {...register(field.name)} />;
  }
  const a11y = { id, "aria-invalid": !!error, "aria-describedby": fieldDescribedBy(id, { hint: !!field.hint, error: !!error }) };
  return (
    <FormField label={field.label} htmlFor={id} hint={field.hint} error={error}>
      {field.kind === "select" ? (
        <Select {...a11y} {...register(field.name)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          type="number"
          inputMode="numeric"
          min={field.min}
          max={field.max}
          step={1}
          {...a11y}
          {...register(field.name, {
            setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? (field.kind === "optional-number" ? null : Number.NaN) : Number(v)),
          })}
        />
      )}
    </FormField>
  );
}
