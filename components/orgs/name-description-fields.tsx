"use client";

import { useFormContext } from "react-hook-form";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";

/** Name + description inputs of a react-hook-form form (groups, organizations). */
export function NameDescriptionFields({ idPrefix, nameHint }: { idPrefix: string; nameHint?: string }) {
  const { register, formState } = useFormContext<{ name: string; description: string }>();
  const nameError = formState.errors.name?.message;
  const descriptionError = formState.errors.description?.message;
  return (
    <div className="space-y-4">
      <FormField label="Name" htmlFor={`${idPrefix}-name`} required error={nameError} hint={nameHint}>
        <Input id={`${idPrefix}-name`} aria-invalid={!!nameError || undefined} aria-describedby={fieldDescribedBy(`${idPrefix}-name`, { hint: !!nameHint, error: !!nameError })} {...register("name")} />
      </FormField>
      <FormField label="Description" htmlFor={`${idPrefix}-description`} error={descriptionError}>
        <Textarea id={`${idPrefix}-description`} rows={3} aria-invalid={!!descriptionError || undefined} aria-describedby={fieldDescribedBy(`${idPrefix}-description`, { error: !!descriptionError })} {...register("description")} />
      </FormField>
    </div>
  );
}
