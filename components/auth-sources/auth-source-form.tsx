"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useWatch, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import {
  createLdapSourceSchema,
  createOidcSourceSchema,
  LDAP_FORM_DEFAULTS,
  OIDC_FORM_DEFAULTS,
  type AuthSourceDto,
  type AuthSourceType,
  type ConnectionTestResult,
  type CreateAuthSourceInput,
  type TestAuthSourceInput,
  type UpdateAuthSourceInput,
} from "@/lib/auth-sources/schema";
import { CheckboxField, FieldGroup, TextField } from "./fields";
import { LdapFields } from "./ldap-fields";
import { OidcFields } from "./oidc-fields";
import { TestResult } from "./test-result";

export type AuthSourceFormProps = {
  type: AuthSourceType;
  /** Present when editing. */
  source?: AuthSourceDto;
  /** APP_URL + /api/auth/callback/ (the slug is appended). */
  callbackBase: string;
  create: (input: CreateAuthSourceInput) => Promise<ActionResult<AuthSourceDto>>;
  update: (input: { id: string; changes: UpdateAuthSourceInput }) => Promise<ActionResult<AuthSourceDto>>;
  test: (input: TestAuthSourceInput) => Promise<ActionResult<ConnectionTestResult>>;
};

const blank = (type: AuthSourceType) => ({
  slug: "",
  name: "",
  enabled: false,
  position: 0,
  config: type === "ldap" ? LDAP_FORM_DEFAULTS : OIDC_FORM_DEFAULTS,
  secrets: type === "ldap" ? { bind_password: "" } : { client_secret: "" },
});

/** Create or edit an LDAP or OIDC source; secrets are write-only; "Test connection" tries the form as it is. */
export function AuthSourceForm({ type, source, callbackBase, create, update, test }: AuthSourceFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<ConnectionTestResult | null>(null);
  const schema = type === "ldap" ? createLdapSourceSchema : createOidcSourceSchema;
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema.omit({ type: true })) as unknown as Resolver<FieldValues>,
    defaultValues: source ? { slug: source.slug, name: source.name, enabled: source.enabled, position: source.position, config: source.config, secrets: blank(type).secrets } : blank(type),
  });
  const slug = useWatch({ control: form.control, name: "slug" }) as string;
  const secretStored = !!source?.secrets_set.length;

  const showErrors = (result: Extract<ActionResult<unknown>, { ok: false }>) => {
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(key.replace(/^changes\./, "") as Path<FieldValues>, { message: messages.join(" ") });
    setFailure(result.fieldErrors ? null : result.message);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = source
      ? await update({ id: source.id, changes: { name: values.name, enabled: values.enabled, position: values.position, config: values.config, secrets: values.secrets } })
      : await create({ ...values, type } as CreateAuthSourceInput);
    if (!result.ok) {
      showErrors(result);
      return toast({ title: "Not saved", description: result.message, tone: "error" });
    }
    toast({ title: source ? "Source saved" : `Created ${result.data.slug}`, tone: "success" });
    form.reset({ ...form.getValues(), secrets: blank(type).secrets });
    if (!source) router.push(`/admin/settings/auth-sources/${result.data.id}`);
    router.refresh();
  });

  async function runTest() {
    setTesting(true);
    setTested(null);
    const values = form.getValues();
    const result = await test({ id: source?.id, type, config: values.config, secrets: values.secrets });
    setTesting(false);
    if (!result.ok) return showErrors(result);
    setTested(result.data);
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-8">
        <FormAlert>{failure}</FormAlert>
        <FieldGroup legend="Source">
          <TextField name="name" label="Name" required />
          <TextField name="slug" label="Slug" required readOnly={!!source} hint={source ? "Users' source; it cannot change." : "Shown as the users' source, e.g. corp-ldap. It cannot change later."} />
          <TextField name="position" label="Order" type="number" hint="Lower comes first: password backends are tried, and buttons shown, in this order." />
          <CheckboxField name="enabled" label="Enabled" hint="Only enabled sources are used for sign-in." />
        </FieldGroup>
        {type === "ldap" ? <LdapFields secretStored={secretStored} /> : <OidcFields secretStored={secretStored} callbackUrl={`${callbackBase}${slug || "<slug>"}`} />}
        <TestResult result={tested} />
        <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-4">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {source ? "Save changes" : "Create source"}
          </Button>
          <Button variant="secondary" onClick={runTest} loading={testing}>
            Test connection
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
