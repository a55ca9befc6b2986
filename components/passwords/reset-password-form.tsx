"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { PasswordContext } from "@/lib/passwords/policy";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/passwords/schema";
import type { PasswordPolicy } from "@/lib/settings/schema";
import { applyFieldErrors } from "./form-errors";
import { PasswordChecklist } from "./password-checklist";
import { PasswordInput } from "./password-input";

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
      {failure ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {failure}
        </p>
      ) : null}
      {/* Lets password managers store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={context.username ?? context.email ?? ""} readOnly hidden />
      <PasswordInput
        id="new_password"
        label="New password"
        autoComplete="new-password"
        autoFocus
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
        Save password
      </Button>
    </form>
  );
}
