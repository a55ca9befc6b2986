"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { FormProvider, useForm, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldDescribedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { CreatedToken } from "@/lib/tokens/schema";
import { Modal } from "./modal";
import { ScopesField } from "./scopes-field";
import { toCreateTokenInput, tokenFormSchema, type TokenFormValues } from "./token-form-schema";
import { TokenSecret } from "./token-secret";
import type { TokenManagerProps } from "./token-manager";

type Props = Pick<TokenManagerProps, "options" | "ownerLabel"> & { create: NonNullable<TokenManagerProps["create"]>; open: boolean; onClose: () => void };

/** Name, expiry and scopes; then the new token, shown once. Closing forgets it. */
export function CreateTokenDialog({ open, onClose, create, options, ownerLabel }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const schema = useMemo(() => tokenFormSchema(options.max_days), [options.max_days]);
  const defaults: TokenFormValues = { name: "", expires_in_days: options.default_days, all: options.all_allowed, scopes: options.all_allowed ? [] : [...options.scopes] };
  const form = useForm<TokenFormValues>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  function close() {
    setCreated(null);
    form.reset(defaults);
    onClose();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create(toCreateTokenInput(values));
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError((field || "root") as Path<TokenFormValues>, { message: messages.join(" ") });
      return toast({ title: "Token not created", description: result.message, tone: "error" });
    }
    setCreated(result.data);
    router.refresh();
  });

  if (created) {
    return (
      <Modal open={open} title={`Token "${created.name}" created`} description={`For ${ownerLabel}, expires ${created.expires_at?.slice(0, 10)}.`} onClose={close} dismissible={false}>
        <TokenSecret token={created.token} onDone={close} />
      </Modal>
    );
  }
  return (
    <Modal open={open} title="New token" description={`A Personal Access Token for ${ownerLabel}.`} onClose={close}>
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormField label="Name" htmlFor="token-name" required error={errors.name?.message} hint="What uses it, e.g. “CI deploy”.">
            <Input id="token-name" autoFocus aria-invalid={!!errors.name} aria-describedby={fieldDescribedBy("token-name", { hint: true, error: !!errors.name })} {...form.register("name")} />
          </FormField>
          <FormField label="Expires in (days)" htmlFor="token-days" required error={errors.expires_in_days?.message} hint={`1–${options.max_days} days.`}>
            <Input
              id="token-days"
              type="number"
              min={1}
              max={options.max_days}
              aria-invalid={!!errors.expires_in_days}
              aria-describedby={fieldDescribedBy("token-days", { hint: true, error: !!errors.expires_in_days })}
              {...form.register("expires_in_days", { valueAsNumber: true })}
            />
          </FormField>
          <ScopesField scopes={options.scopes} allAllowed={options.all_allowed} />
          {errors.root?.message ? (
            <p role="alert" className="text-xs font-medium text-red-600">
              {errors.root.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4">
            <Button variant="secondary" onClick={close} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Create token
            </Button>
          </div>
        </form>
      </FormProvider>
    </Modal>
  );
}
