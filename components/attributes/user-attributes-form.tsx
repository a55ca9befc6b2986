"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import { toAttributeFormValues, type AttributeFormValues } from "@/lib/attributes/form";
import { attributeValuesSchema, type AttributeValue, type UserAttributeDto } from "@/lib/attributes/schema";
import { AttributeFields } from "./attribute-fields";

export type SaveUserAttributes = (userId: string, values: Record<string, unknown>) => Promise<ActionResult<UserAttributeDto[]>>;

export type UserAttributesFormProps = {
  userId: string;
  attributes: UserAttributeDto[];
  /** The server action, e.g. saveUserAttributesAction (components cannot import app/, so it is passed in). */
  save: SaveUserAttributes;
  mode?: "admin" | "self";
};

/** Server field errors are keyed `values.<key>`; the form's fields are keyed by attribute key. */
const attributeKeyOf = (field: string) => field.replace(/^values\./, "");

/** A user's attributes, saved on their own. Only the changed values are sent. */
export function UserAttributesForm({ userId, attributes, save, mode = "admin" }: UserAttributesFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const resolver = useMemo(
    () => zodResolver(attributeValuesSchema(attributes)) as unknown as Resolver<AttributeFormValues, unknown, Record<string, AttributeValue>>,
    [attributes],
  );
  const {
    handleSubmit,
    setValue,
    setError,
    control,
    reset,
    formState: { errors, dirtyFields, isDirty, isSubmitting, isSubmitted },
  } = useForm<AttributeFormValues, unknown, Record<string, AttributeValue>>({ resolver, defaultValues: toAttributeFormValues(attributes) });

  const values = useWatch({ control });

  const onSubmit = handleSubmit(async (parsed) => {
    setFailure(null);
    const changed = Object.fromEntries(Object.entries(parsed).filter(([key]) => dirtyFields[key]));
    const result = await save(userId, changed);
    if (!result.ok) {
      const unplaced: string[] = [];
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        const key = attributeKeyOf(field);
        if (key in parsed) setError(key, { message: messages[0] });
        else unplaced.push(messages[0]);
      }
      setFailure([result.message, ...unplaced].join(" "));
      toast({ title: "Attributes not saved", description: result.message, tone: "error" });
      return;
    }
    reset(toAttributeFormValues(result.data));
    toast({ title: "Attributes saved", tone: "success" });
    router.refresh();
  });

  if (attributes.length === 0) {
    return <EmptyState title="No attributes defined" description="Attributes defined under Settings → User attributes appear here." />;
  }

  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([key, error]) => [key, error?.message]));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="User attributes">
      {failure ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {failure}
        </p>
      ) : null}
      <AttributeFields
        attributes={attributes}
        values={values as AttributeFormValues}
        onChange={(key, value) => setValue(key, value, { shouldDirty: true, shouldValidate: isSubmitted })}
        errors={fieldErrors}
        mode={mode}
        disabled={isSubmitting}
      />
      <div className="flex justify-end">
        <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
          Save attributes
        </Button>
      </div>
    </form>
  );
}
