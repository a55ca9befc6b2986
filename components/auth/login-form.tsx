"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SIGN_IN_FAILED, signInErrorMessage, signInSchema, type SignInInput } from "@/lib/auth/schema";

export { SIGN_IN_FAILED };

/** Password sign-in. Every failure shows one message, except refusals a directory explains (an email held elsewhere). */
export function LoginForm({ callbackUrl, initialError = null }: { callbackUrl: string; initialError?: string | null }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { identifier: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false, callbackUrl });
    if (!result || result.error) {
      setFailure(signInErrorMessage(result?.error) ?? SIGN_IN_FAILED);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert>{failure}</FormAlert>
      <FormField label="Username or email" htmlFor="identifier" error={errors.identifier?.message}>
        <Input
          id="identifier"
          autoComplete="username"
          autoFocus
          aria-invalid={!!errors.identifier}
          aria-describedby={fieldDescribedBy("identifier", { error: !!errors.identifier })}
          {...register("identifier")}
        />
      </FormField>
      <FormField label="Password" htmlFor="password" error={errors.password?.message}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby={fieldDescribedBy("password", { error: !!errors.password })}
          {...register("password")}
        />
      </FormField>
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
