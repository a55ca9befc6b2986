"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { FormProvider, useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/orgs/org-form";
import { NameDescriptionFields } from "@/components/orgs/name-description-fields";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import { createGroupSchema, type CreateGroupInput, type GroupDto, type UpdateGroupInput } from "@/lib/groups/schema";

type Props =
  | { mode: "create"; orgId: string; orgName: string; submit: (input: CreateGroupInput) => Promise<ActionResult<GroupDto>> }
  | { mode: "edit"; group: GroupDto; submit: (input: { id: string; changes: UpdateGroupInput }) => Promise<ActionResult<GroupDto>> };

/** Create a group in the current organization, or rename / describe one. */
export function GroupForm(props: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<CreateGroupInput>({
    resolver: zodResolver(createGroupSchema),
    defaultValues:
      props.mode === "edit" ? { org_id: props.group.org_id, name: props.group.name, description: props.group.description } : { org_id: props.orgId, name: "", description: "" },
  });

  const onSubmit = form.handleSubmit(async ({ name, description }) => {
    const result = props.mode === "create" ? await props.submit({ org_id: props.orgId, name, description }) : await props.submit({ id: props.group.id, changes: { name, description } });
    if (!result.ok) return toast({ title: "Not saved", description: applyFieldErrors(result, form.setError), tone: "error" });
    toast({ title: props.mode === "create" ? `Created group ${result.data.name}` : "Changes saved", tone: "success" });
    if (props.mode === "create") router.push(`/admin/groups/${result.data.id}`);
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <NameDescriptionFields idPrefix={props.mode === "create" ? "new-group" : "group"} nameHint={props.mode === "create" ? `In ${props.orgName}; unique there.` : undefined} />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {props.mode === "create" ? "Create group" : "Save changes"}
        </Button>
      </form>
    </FormProvider>
  );
}
