"use client";

import { Controller, useFormContext } from "react-hook-form";
import { Checkbox, FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { dateInputValue, endOfDayIso } from "./form-helpers";

type Values = Record<string, unknown>;

function useField(name: string) {
  const { register, formState } = useFormContext<Values>();
  const error = formState.errors[name]?.message as string | undefined;
  return { error, props: { id: name, "aria-invalid": !!error, "aria-describedby": fieldDescribedBy(name, { error: !!error }) }, register };
}

/** `empty` says what an emptied input means: keep "" (default), omit the field ("omit"), or clear it ("null"). */
export function TextField({ name, label, type = "text", required, hint, autoComplete, empty = "keep" }: {
  name: string; label: string; type?: string; required?: boolean; hint?: string; autoComplete?: string; empty?: "keep" | "omit" | "null";
}) {
  const { error, props, register } = useField(name);
  const emptyValue = empty === "null" ? null : undefined;
  return (
    <FormField label={label} htmlFor={name} error={error} required={required} hint={hint}>
      <Input type={type} autoComplete={autoComplete} {...props} {...register(name, { setValueAs: (v: string) => (v === "" && empty !== "keep" ? emptyValue : v) })} />
    </FormField>
  );
}

export function ProfileFields({ clearablePhone }: { clearablePhone: boolean }) {
  const { error, props, register } = useField("description");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField name="email" label="Email" type="email" required autoComplete="off" />
      <TextField name="name" label="Display name" hint="Defaults to first and last name." />
      <TextField name="first_name" label="First name" />
      <TextField name="last_name" label="Last name" />
      <TextField name="phone" label="Phone" type="tel" hint="International format, e.g. +14155550123. Used for SMS codes." empty={clearablePhone ? "null" : "omit"} />
      <FormField label="Description" htmlFor="description" error={error} className="sm:col-span-2">
        <Textarea rows={3} {...props} {...register("description")} />
      </FormField>
    </div>
  );
}

export function AccountFields({ canSetAdmin, isServiceAccount }: { canSetAdmin: boolean; isServiceAccount: boolean }) {
  const { control, register, formState } = useFormContext<Values>();
  const mfa = useField("mfa_policy");
  const expiryError = formState.errors.date_expired?.message as string | undefined;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label="MFA" htmlFor="mfa_policy" error={mfa.error} hint="Disabled: the user may turn it on. Enabled: on, the user may turn it off. Force enabled: enforced.">
        <Select {...mfa.props} {...register("mfa_policy")} disabled={isServiceAccount}>
          <option value="disabled">Disabled</option>
          <option value="enabled">Enabled</option>
          <option value="force_enabled">Force enabled</option>
        </Select>
      </FormField>
      <FormField label="Date expired" htmlFor="date_expired" error={expiryError} hint="After this day the user can no longer sign in or use tokens.">
        <Controller
          control={control}
          name="date_expired"
          render={({ field }) => (
            <Input id="date_expired" type="date" value={dateInputValue(field.value as string | null)} onChange={(e) => field.onChange(endOfDayIso(e.target.value))} onBlur={field.onBlur} aria-invalid={!!expiryError} />
          )}
        />
      </FormField>
      <Checkbox id="is_active" label="Active" description="Inactive users cannot sign in or use tokens." {...register("is_active")} />
      {canSetAdmin ? <Checkbox id="is_admin" label="Super-admin" description="Full administrative access; bypasses every permission check." {...register("is_admin")} /> : null}
    </div>
  );
}
