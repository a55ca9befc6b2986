"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { PasswordChecklist } from "@/components/passwords/password-checklist";
import { RolePickers, type RolePickersValue } from "@/components/roles/role-pickers";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { RoleRef } from "@/lib/roles/schema";
import type { Settings } from "@/lib/settings/schema";
import { createUserSchema, type CreateUserInput, type UserDto } from "@/lib/users/schema";
import { applyServerErrors } from "./form-helpers";
import { AccountFields, ProfileFields, TextField } from "./user-fields";

export type RoleChoices = {
  system: RoleRef[];
  org: RoleRef[];
  orgName: string;
  canAssignSystem: boolean;
  canAssignOrg: boolean;
  /** Pre-selected: the built-in User roles. */
  defaults: RolePickersValue;
};

type Props = {
  /** Present when the actor may assign roles: the role pickers are shown. */
  roles?: RoleChoices;
  /** The organization the user joins (the console's current one). */
  orgId: string;
  canSetAdmin: boolean;
  policy: Settings["password"];
  submit: (input: CreateUserInput) => Promise<ActionResult<UserDto>>;
};

/** Users → "+ Create user": a local user (password now, or a setup link by email) or a service account. */
export function CreateUserForm({ orgId, canSetAdmin, policy, submit, roles }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { org_id: orgId, ...roles?.defaults, email: "", first_name: "", last_name: "", description: "", is_active: true, is_admin: false, is_service_account: false, mfa_policy: "disabled", must_change_password: false, password_mode: "reset_link" },
  });
  const [isServiceAccount, mode, password, username, email, systemRoleIds, orgRoleIds] = useWatch({
    control: form.control,
    name: ["is_service_account", "password_mode", "password", "username", "email", "system_role_ids", "org_role_ids"],
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const input = isServiceAccount ? { ...values, password: undefined, password_mode: undefined, must_change_password: false } : values;
    const result = await submit(input);
    if (!result.ok) return toast({ title: "The user was not created", description: applyServerErrors(result, form.setError), tone: "error" });
    toast({ title: `Created ${result.data.username}`, description: !isServiceAccount && mode === "reset_link" ? `A link to set the password was emailed to ${result.data.email}.` : undefined, tone: "success" });
    router.push(`/admin/users/${result.data.id}`);
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        <Card>
          <CardHeader title="Identity" description="Email is required and unique. The username is derived from it when left empty, and cannot be changed later." />
          <CardBody className="space-y-4">
            <TextField name="username" label="Username" hint="Letters, digits, dot, underscore, dash. If taken when derived, a number is appended (alice2)." empty="omit" autoComplete="off" />
            <ProfileFields clearablePhone={false} />
            <Checkbox id="is_service_account" label="Service account" description="No password and no interactive sign-in; authenticates with Personal Access Tokens only." {...form.register("is_service_account")} />
          </CardBody>
        </Card>
        {!isServiceAccount ? (
          <Card>
            <CardHeader title="Password" />
            <CardBody className="space-y-4">
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-zinc-800">Password setting</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" value="reset_link" {...form.register("password_mode")} /> Send a link to set the password by email
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" value="set" {...form.register("password_mode")} /> Set the password now
                </label>
              </fieldset>
              {mode === "set" ? (
                <>
                  <TextField name="password" label="Password" type="password" required autoComplete="new-password" empty="omit" />
                  <PasswordChecklist password={password ?? ""} policy={policy} context={{ username, email }} />
                  <Checkbox id="must_change_password" label="Password must be changed at next sign-in" {...form.register("must_change_password")} />
                </>
              ) : null}
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Access" />
          <CardBody>
            <AccountFields canSetAdmin={canSetAdmin} isServiceAccount={!!isServiceAccount} />
          </CardBody>
        </Card>
        {roles ? (
          <Card>
            <CardHeader title="Roles" description="System roles apply everywhere; organization roles only inside this organization." />
            <CardBody>
              <RolePickers
                systemRoles={roles.system}
                orgRoles={roles.org}
                orgName={roles.orgName}
                canAssignSystem={roles.canAssignSystem}
                canAssignOrg={roles.canAssignOrg}
                value={{ system_role_ids: systemRoleIds ?? [], org_role_ids: orgRoleIds ?? [] }}
                onChange={(next) => {
                  form.setValue("system_role_ids", next.system_role_ids, { shouldDirty: true });
                  form.setValue("org_role_ids", next.org_role_ids, { shouldDirty: true });
                }}
                errors={{ system_role_ids: form.formState.errors.system_role_ids?.message, org_role_ids: form.formState.errors.org_role_ids?.message }}
              />
            </CardBody>
          </Card>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Create user
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
