"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { PasswordChecklist } from "@/components/passwords/password-checklist";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { Settings } from "@/lib/settings/schema";
import { updateUserSchema, type UpdateUserInput, type UserDto } from "@/lib/users/schema";
import { applyServerErrors } from "./form-helpers";
import { AccountFields, ProfileFields, TextField } from "./user-fields";

type Props = {
  user: UserDto;
  canSetAdmin: boolean;
  policy: Settings["password"];
  submit: (input: { id: string; changes: UpdateUserInput }) => Promise<ActionResult<UserDto>>;
};

/** Users → user → Edit. Sends only the fields that changed; "Change password" is offered to local users only. */
export function EditUserForm({ user, canSetAdmin, policy, submit }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [changeSecret, setChangeSecret] = useState(false);
  const isLocal = user.auth_source === "internal" && !user.is_service_account;
  const form = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: {
      email: user.email, name: user.name, first_name: user.first_name, last_name: user.last_name, phone: user.phone, description: user.description,
      is_active: user.is_active, is_admin: user.is_admin, mfa_policy: user.mfa_policy, date_expired: user.date_expired, must_change_password: user.must_change_password,
    },
  });
  const [password, email] = useWatch({ control: form.control, name: ["password", "email"] });

  const onSubmit = form.handleSubmit(async (values) => {
    const dirty = form.formState.dirtyFields as Record<string, boolean>;
    const changes = Object.fromEntries(Object.entries(values).filter(([key]) => dirty[key] && (key !== "password" || changeSecret))) as UpdateUserInput;
    if (Object.keys(changes).length === 0) return toast({ title: "Nothing to save", tone: "info" });
    const result = await submit({ id: user.id, changes });
    if (!result.ok) return toast({ title: "Changes not saved", description: applyServerErrors(result, form.setError), tone: "error" });
    toast({ title: "Changes saved", description: changes.password ? "The password was changed and the user was signed out everywhere." : undefined, tone: "success" });
    router.push(`/admin/users/${user.id}`);
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        <Card>
          <CardHeader title="Profile" description={`Username ${user.username} is read-only.`} />
          <CardBody>
            <ProfileFields clearablePhone />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Access" />
          <CardBody className="space-y-4">
            <AccountFields canSetAdmin={canSetAdmin} isServiceAccount={user.is_service_account} />
            {isLocal ? <Checkbox id="must_change_password" label="Password must be changed at next sign-in" {...form.register("must_change_password")} /> : null}
          </CardBody>
        </Card>
        {isLocal ? (
          <Card>
            <CardHeader title="Change secret" description="Set a new password for this user. They are signed out everywhere." />
            <CardBody className="space-y-4">
              <Checkbox id="change_secret" label="Change password" checked={changeSecret} onChange={(e) => setChangeSecret(e.currentTarget.checked)} />
              {changeSecret ? (
                <>
                  <TextField name="password" label="New password" type="password" required autoComplete="new-password" empty="omit" />
                  <PasswordChecklist password={password ?? ""} policy={policy} context={{ username: user.username, email: email ?? user.email }} />
                </>
              ) : null}
            </CardBody>
          </Card>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save changes
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
