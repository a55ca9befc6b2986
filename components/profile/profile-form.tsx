"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { FormProvider, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { applyServerErrors } from "@/components/users/form-helpers";
import { TextField } from "@/components/users/user-fields";
import type { ActionResult } from "@/lib/actions/action";
import { isReauthRequired, updateProfileSchema, type ProfileDto, type UpdateProfileInput } from "@/lib/profile/schema";
import { useReauth } from "./reauth-provider";

type Props = { profile: ProfileDto; save: (changes: UpdateProfileInput) => Promise<ActionResult<ProfileDto>> };

/** The person's own fields. Only changed fields are sent; email and phone may ask for the password first. */
export function ProfileForm({ profile, save }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const withReauth = useReauth();
  const form = useForm<UpdateProfileInput>({
    resolver: zodResolver(updateProfileSchema),
    defaultValues: { email: profile.email, name: profile.name, first_name: profile.first_name, last_name: profile.last_name, phone: profile.phone },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const dirty = form.formState.dirtyFields as Record<string, boolean>;
    const changes = Object.fromEntries(Object.entries(values).filter(([key]) => dirty[key])) as UpdateProfileInput;
    if (Object.keys(changes).length === 0) return toast({ title: "Nothing to save", tone: "info" });
    const result = await withReauth(() => save(changes));
    if (!result.ok) {
      if (isReauthRequired(result)) return toast({ title: "Not saved", description: "Changing your email or phone needs your password.", tone: "error" });
      return toast({ title: "Profile not saved", description: applyServerErrors(result, form.setError), tone: "error" });
    }
    form.reset({ email: result.data.email, name: result.data.name, first_name: result.data.first_name, last_name: result.data.last_name, phone: result.data.phone });
    toast({ title: "Profile saved", tone: "success" });
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Your details">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="name" label="Display name" hint="Shown in the console. Defaults to your username." autoComplete="name" />
          <TextField name="email" label="Email" type="email" required autoComplete="email" hint="Changing it asks for your password." />
          <TextField name="first_name" label="First name" autoComplete="given-name" />
          <TextField name="last_name" label="Last name" autoComplete="family-name" />
          <TextField name="phone" label="Phone" type="tel" autoComplete="tel" empty="null" hint="International format, e.g. +14155550123. Changing it asks for your password." />
        </div>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save profile
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
