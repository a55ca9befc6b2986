"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/auth/schema";

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600";

/** Asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordForm({ action }: { action: (input: ForgotPasswordInput) => Promise<ActionResult<{ message: string }>> }) {
  const [sent, setSent] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await action(values);
    if (!result.ok) {
      if (result.fieldErrors?.email) form.setError("email", { message: result.fieldErrors.email[0] });
      else setFailure(result.message);
      return;
    }
    setSent(result.data.message);
  });

  if (sent) {
    return (
      <div role="status" className="space-y-4 text-sm text-zinc-700">
        <p>{sent}</p>
        <p>
          <Link href="/login" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert>{failure}</FormAlert>
      <FormField label="Email address" htmlFor="email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="email"
          autoFocus
          aria-invalid={!!errors.email}
          aria-describedby={fieldDescribedBy("email", { error: !!errors.email })}
          {...form.register("email")}
        />
      </FormField>
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Send reset link
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className={linkClass}>
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
