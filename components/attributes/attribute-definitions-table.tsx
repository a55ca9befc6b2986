import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AttributeDefinitionDto } from "@/lib/attributes/schema";
import { TYPE_LABELS } from "./attribute-definition-form";

export type AttributeDefinitionsTableProps = {
  definitions: AttributeDefinitionDto[];
  /** Omitted for a read-only table (actors without user_attributes.manage). */
  onEdit?: (definition: AttributeDefinitionDto) => void;
  onDelete?: (definition: AttributeDefinitionDto) => void;
};

const yesNo = (value: boolean) => (value ? <Badge tone="green">Yes</Badge> : <Badge>No</Badge>);

export function AttributeDefinitionsTable({ definitions, onEdit, onDelete }: AttributeDefinitionsTableProps) {
  const actions = !!(onEdit || onDelete);
  return (
    <Table aria-label="User attributes">
      <THead>
        <TR>
          <TH>Key</TH>
          <TH>Label</TH>
          <TH>Type</TH>
          <TH>Required</TH>
          <TH>User-editable</TH>
          {actions ? (
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {definitions.map((definition) => (
          <TR key={definition.id}>
            <TD>
              <code className="font-mono text-xs text-zinc-900">{definition.key}</code>
            </TD>
            <TD className="font-medium text-zinc-900">{definition.label}</TD>
            <TD>
              {TYPE_LABELS[definition.type]}
              {definition.type === "select" ? (
                <span className="block max-w-xs truncate text-xs text-zinc-500" title={definition.options.join(", ")}>
                  {definition.options.join(", ")}
                </span>
              ) : null}
            </TD>
            <TD>{yesNo(definition.required)}</TD>
            <TD>{yesNo(definition.user_editable)}</TD>
            {actions ? (
              <TD className="text-right whitespace-nowrap">
                {onEdit ? (
                  <Button variant="ghost" size="sm" onClick={() => onEdit(definition)} aria-label={`Edit ${definition.label}`}>
                    Edit
                  </Button>
                ) : null}
                {onDelete ? (
                  <Button variant="ghost" size="sm" className="text-red-700 hover:text-red-800" onClick={() => onDelete(definition)} aria-label={`Delete ${definition.label}`}>
                    Delete
                  </Button>
                ) : null}
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
