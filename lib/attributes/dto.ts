import type { attributeDefinitions } from "@/db/schema";
import type { AttributeDefinitionDto, AttributeValue, UserAttributeDto } from "./schema";

export type AttributeDefinitionRow = typeof attributeDefinitions.$inferSelect;

export function toAttributeDefinitionDto(row: AttributeDefinitionRow): AttributeDefinitionDto {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    required: row.required,
    user_editable: row.userEditable,
    position: row.position,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toUserAttributeDto(row: AttributeDefinitionRow, value: AttributeValue | undefined): UserAttributeDto {
  return {
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    required: row.required,
    user_editable: row.userEditable,
    value: value ?? null,
  };
}

/** What the audit diff of a definition shows (no timestamps). */
export function definitionSnapshot(row: AttributeDefinitionRow): Record<string, unknown> {
  const { id: _id, created_at: _created, updated_at: _updated, ...rest } = toAttributeDefinitionDto(row);
  return rest;
}
