import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export type PasswordInputProps = {
  id: string;
  label: string;
  error?: string;
  autoComplete: "current-password" | "new-password";
  registration: UseFormRegisterReturn;
  autoFocus?: boolean;
  /** Extra ids for aria-describedby (e.g. the live checklist). */
  describedBy?: string;
};

export function PasswordInput({ id, label, error, autoComplete, registration, autoFocus, describedBy }: PasswordInputProps) {
  const ids = [fieldDescribedBy(id, { error: !!error }), describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <FormField label={label} htmlFor={id} error={error} required>
      <Input id={id} type="password" autoComplete={autoComplete} autoFocus={autoFocus} aria-invalid={!!error} aria-describedby={ids} {...registration} />
    </FormField>
  );
}
