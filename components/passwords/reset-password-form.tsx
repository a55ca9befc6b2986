"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { PasswordContext } from "@/lib/passwords/policy";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/passwords/schema";
import type { PasswordPolicy } from "@/lib/settings/schema";
import { applyFieldErrors } from "./form-errors";
import { NewPasswordFields } from "./new-password-fields";

const FIELDS = ["new_password", "confirm_password"] as const;

export type ResetPasswordFormProps = {
  token: string;
  policy: PasswordPolicy;
  context: PasswordContext;
  action: (token: string, input: ResetPasswordInput) => Promise<ActionResult<null>>;
};

export function ResetPasswordForm({ token, policy, context, action }: ResetPasswordFormProps) {
  const { toast } = useToast();
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { new_password: "", confirm_password: "" } });
  const { errors, isSubmitting } = form.formState;
  const newPassword = useWatch({ control: form.control, name: "new_password" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await action(token, values);
    if (!result.ok) {
      const unplaced = applyFieldErrors(result.fieldErrors, FIELDS, form.setError);
      setFailure(unplaced.length ? unplaced.join(" ") : result.fieldErrors ? null : result.message);
      return;
    }
    form.reset();
    setDone(true);
    toast({ title: "Password saved", tone: "success" });
  });

  if (done) {
    return (
      <div role="status" className="space-y-4">
        <p className="text-sm text-zinc-700">Your password was saved. Sign in with it now.</p>
        <Link href="/login" className="inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Go to sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert>{failure}</FormAlert>
      <NewPasswordFields
        newPassword={newPassword ?? ""}
        policy={policy}
        context={context}
        errors={{ new_password: errors.new_password?.message, confirm_password: errors.confirm_password?.message }}
        registration={{ newPassword: form.register("new_password"), confirmPassword: form.register("confirm_password") }}
        autoFocus
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Save password
      </Button>
    </form>
  );
}
