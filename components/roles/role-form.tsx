"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { NameDescriptionFields } from "@/components/orgs/name-description-fields";
import { applyFieldErrors } from "@/components/orgs/org-form";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import { createRoleSchema, type CreateRoleInput, type RoleDto, type UpdateRoleInput } from "@/lib/roles/schema";
import { PermissionPicker } from "./permission-picker";

type Props =
  | { mode: "create"; submit: (input: CreateRoleInput) => Promise<ActionResult<RoleDto>> }
  | { mode: "edit"; role: RoleDto; submit: (input: { id: string; changes: UpdateRoleInput }) => Promise<ActionResult<RoleDto>> };

/** Create a custom role (scope, name, description, permissions), or edit one; the scope never changes. */
export function RoleForm(props: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<CreateRoleInput>({
    resolver: zodResolver(createRoleSchema),
    defaultValues:
      props.mode === "edit"
        ? { scope: props.role.scope, name: props.role.name, description: props.role.description, permissions: props.role.permissions as CreateRoleInput["permissions"] }
        : { scope: "org", name: "", description: "", permissions: [] },
  });
  const scope = useWatch({ control: form.control, name: "scope" });

  const onSubmit = form.handleSubmit(async (values) => {
    const result =
      props.mode === "create"
        ? await props.submit(values)
        : await props.submit({ id: props.role.id, changes: { name: values.name, description: values.description, permissions: values.permissions } });
    if (!result.ok) return toast({ title: "Role not saved", description: applyFieldErrors(result, form.setError), tone: "error" });
    toast({ title: props.mode === "create" ? `Created role ${result.data.name}` : "Changes saved", tone: "success" });
    router.push(`/admin/roles/${result.data.id}`);
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        {props.mode === "create" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-zinc-800">Scope</legend>
            {(["org", "system"] as const).map((value) => (
              <label key={value} className="flex items-start gap-2.5 text-sm">
                <input type="radio" value={value} {...form.register("scope")} className="mt-0.5 h-4 w-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600" />
                <span>
                  <span className="font-medium text-zinc-800">{value === "org" ? "Organization role" : "System role"}</span>
                  <span className="block text-xs text-zinc-500">{value === "org" ? "Applies inside the organization where it is assigned." : "Applies in every organization."}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <NameDescriptionFields idPrefix="role" />
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-zinc-800">Permissions</h3>
          <Controller
            control={form.control}
            name="permissions"
            render={({ field, fieldState }) => (
              <PermissionPicker scope={scope} value={(field.value ?? []) as string[]} onChange={(next) => field.onChange(next)} error={fieldState.error?.message} />
            )}
          />
        </div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {props.mode === "create" ? "Create role" : "Save changes"}
        </Button>
      </form>
    </FormProvider>
  );
}
