"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { PasswordContext } from "@/lib/passwords/policy";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/passwords/schema";
import type { PasswordPolicy } from "@/lib/settings/schema";
import { applyFieldErrors } from "./form-errors";
import { PasswordChecklist } from "./password-checklist";
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
      {failure ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {failure}
        </p>
      ) : null}
      {/* Lets password managers store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={context.username ?? context.email ?? ""} readOnly hidden />
      <PasswordInput
        id="current_password"
        label="Current password"
        autoComplete="current-password"
        autoFocus
        error={errors.current_password?.message}
        registration={form.register("current_password")}
      />
      <PasswordInput
        id="new_password"
        label="New password"
        autoComplete="new-password"
        error={errors.new_password?.message}
        describedBy="new_password-rules"
        registration={form.register("new_password")}
      />
      <PasswordChecklist id="new_password-rules" password={newPassword ?? ""} policy={policy} context={context} />
      <PasswordInput
        id="confirm_password"
        label="Confirm new password"
        autoComplete="new-password"
        error={errors.confirm_password?.message}
        registration={form.register("confirm_password")}
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
