"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { AttributeDefinitionDto, CreateAttributeDefinitionInput, UpdateAttributeDefinitionInput } from "@/lib/attributes/schema";
import { AttributeDefinitionForm } from "./attribute-definition-form";
import { AttributeDefinitionsTable } from "./attribute-definitions-table";

/** The server actions of app/(console)/admin/settings/attributes/actions.ts (components cannot import app/). */
export type AttributeDefinitionActions = {
  create: (input: CreateAttributeDefinitionInput) => Promise<ActionResult<AttributeDefinitionDto>>;
  update: (id: string, input: UpdateAttributeDefinitionInput) => Promise<ActionResult<AttributeDefinitionDto>>;
  remove: (id: string) => Promise<ActionResult<void>>;
};

export type AttributeDefinitionsManagerProps = {
  definitions: AttributeDefinitionDto[];
  /** False shows the table read-only. The server refuses writes either way. */
  canManage: boolean;
  actions: AttributeDefinitionActions;
};

type Editing = { mode: "create" } | { mode: "edit"; definition: AttributeDefinitionDto } | null;

export function AttributeDefinitionsManager({ definitions, canManage, actions }: AttributeDefinitionsManagerProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AttributeDefinitionDto | null>(null);
  const [busy, setBusy] = useState(false);

  const saved = (verb: string) => (definition: AttributeDefinitionDto) => {
    setEditing(null);
    toast({ title: `Attribute ${verb}`, description: `${definition.label} (${definition.key})`, tone: "success" });
    router.refresh();
  };

  async function confirmDelete() {
    if (!deleting) return;
    setBusy(true);
    const result = await actions.remove(deleting.id);
    setBusy(false);
    if (!result.ok) return toast({ title: "Attribute not deleted", description: result.message, tone: "error" });
    toast({ title: "Attribute deleted", description: `${deleting.label} (${deleting.key})`, tone: "success" });
    setDeleting(null);
    router.refresh();
  }

  const addButton = canManage && !editing ? <Button onClick={() => setEditing({ mode: "create" })}>Add attribute</Button> : null;

  return (
    <div className="space-y-4">
      {addButton && definitions.length > 0 ? <div className="flex justify-end">{addButton}</div> : null}
      {editing ? (
        <Card aria-labelledby="attribute-form-title">
          <CardHeader
            id="attribute-form-title"
            title={editing.mode === "create" ? "Add attribute" : `Edit ${editing.definition.label}`}
            description={editing.mode === "create" ? "The key and the type cannot be changed later." : undefined}
          />
          <CardBody>
            <AttributeDefinitionForm
              key={editing.mode === "edit" ? editing.definition.id : "new"}
              definition={editing.mode === "edit" ? editing.definition : undefined}
              submit={(values) => (editing.mode === "edit" ? actions.update(editing.definition.id, values) : actions.create(values))}
              onDone={saved(editing.mode === "edit" ? "saved" : "created")}
              onCancel={() => setEditing(null)}
            />
          </CardBody>
        </Card>
      ) : null}
      {definitions.length === 0 ? (
        <EmptyState
          title="No user attributes yet"
          description="Attributes are custom fields stored on every user, such as a cost centre or a start date."
          action={editing ? null : addButton}
        />
      ) : (
        <AttributeDefinitionsTable
          definitions={definitions}
          onEdit={canManage ? (definition) => setEditing({ mode: "edit", definition }) : undefined}
          onDelete={canManage ? setDeleting : undefined}
        />
      )}
      <ConfirmDialog
        open={!!deleting}
        tone="danger"
        title={`Delete the attribute ${deleting?.label ?? ""}?`}
        description={
          <>
            Every user&apos;s value for <code className="font-mono">{deleting?.key}</code> is deleted with it. This cannot be undone.
          </>
        }
        confirmLabel="Delete attribute"
        busy={busy}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
