"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { PasswordContext } from "@/lib/passwords/policy";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/passwords/schema";
import type { PasswordPolicy } from "@/lib/settings/schema";
import { applyFieldErrors } from "./form-errors";
import { NewPasswordFields } from "./new-password-fields";
import { PasswordInput } from "./password-input";

const FIELDS = ["current_password", "new_password", "confirm_password"] as const;

export type ChangePasswordFormProps = {
  policy: PasswordPolicy;
  context: PasswordContext;
  action: (input: ChangePasswordInput) => Promise<ActionResult<null>>;
  /** Where to go once the password is changed. */
  next: string;
};

export function ChangePasswordForm({ policy, context, action, next }: ChangePasswordFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { current_password: "", new_password: "", confirm_password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const newPassword = useWatch({ control: form.control, name: "new_password" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await action(values);
    if (!result.ok) {
      const unplaced = applyFieldErrors(result.fieldErrors, FIELDS, form.setError);
      setFailure(unplaced.length ? unplaced.join(" ") : result.fieldErrors ? null : result.message);
      return;
    }
    form.reset();
    toast({ title: "Password changed", description: "Your other sessions were signed out.", tone: "success" });
    router.replace(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert>{failure}</FormAlert>
      <PasswordInput
        id="current_password"
        label="Current password"
        autoComplete="current-password"
        autoFocus
        error={errors.current_password?.message}
        registration={form.register("current_password")}
      />
      <NewPasswordFields
        newPassword={newPassword ?? ""}
        policy={policy}
        context={context}
        errors={{ new_password: errors.new_password?.message, confirm_password: errors.confirm_password?.message }}
        registration={{ newPassword: form.register("new_password"), confirmPassword: form.register("confirm_password") }}
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
