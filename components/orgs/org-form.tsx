"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import { createOrgSchema, type CreateOrgInput, type OrgDto } from "@/lib/orgs/schema";
import { NameDescriptionFields } from "./name-description-fields";

export function applyFieldErrors<T extends FieldValues>(result: Extract<ActionResult<unknown>, { ok: false }>, setError: UseFormSetError<T>): string {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) setError((field.replace(/^changes\./, "") || "root") as Path<T>, { message: messages.join(" ") });
  return result.message;
}

type Props =
  | { mode: "create"; submit: (input: CreateOrgInput) => Promise<ActionResult<OrgDto>> }
  | { mode: "edit"; org: OrgDto; submit: (input: { id: string; changes: CreateOrgInput }) => Promise<ActionResult<OrgDto>> };

/** Create an organization, or rename / describe one. */
export function OrgForm(props: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<CreateOrgInput>({
    resolver: zodResolver(createOrgSchema),
    defaultValues: props.mode === "edit" ? { name: props.org.name, description: props.org.description } : { name: "", description: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = props.mode === "create" ? await props.submit(values) : await props.submit({ id: props.org.id, changes: values });
    if (!result.ok) return toast({ title: "Not saved", description: applyFieldErrors(result, form.setError), tone: "error" });
    toast({ title: props.mode === "create" ? `Created ${result.data.name}` : "Changes saved", tone: "success" });
    if (props.mode === "create") {
      form.reset();
      router.push(`/admin/orgs/${result.data.id}`);
    }
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <NameDescriptionFields idPrefix={props.mode === "create" ? "new-org" : "org"} />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {props.mode === "create" ? "Create organization" : "Save changes"}
        </Button>
      </form>
    </FormProvider>
  );
}
