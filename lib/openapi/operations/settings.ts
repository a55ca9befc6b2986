import { z } from "zod";
import { createAttributeDefinitionSchema, listAttributeDefinitionsQuerySchema, updateAttributeDefinitionSchema } from "../../attributes/schema";
import { settingsSchema } from "../../settings/schema";
import { named, type Operation } from "../operation";
import { components as c } from "../schemas";

const sections = Object.values(settingsSchema.shape);
const section = named("SettingsSection", z.union(sections as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]).describe("One section's values."));
const patch = named("SettingsSectionPatch", z.record(z.string(), z.unknown()).describe("Some fields of the section; unknown fields or bad values are 422."));

export const settingsOperations: Operation[] = [
  { method: "get", path: "/settings", tag: "Settings", permission: "settings.view", summary: "Every settings section", success: { status: 200, schema: named("Settings", settingsSchema) } },
  { method: "get", path: "/settings/{section}", tag: "Settings", permission: "settings.view", summary: "One settings section", description: `Sections: ${Object.keys(settingsSchema.shape).join(", ")}.`, success: { status: 200, schema: section } },
  { method: "patch", path: "/settings/{section}", tag: "Settings", permission: "settings.manage", summary: "Change a settings section", description: "Partial update, merged over the stored values.", body: patch, success: { status: 200, schema: section } },
  { method: "get", path: "/user-attributes", tag: "User attributes", permission: "users.view", summary: "List attribute definitions", description: "users.view anywhere, or user_attributes.manage. In position order.", query: listAttributeDefinitionsQuerySchema, success: { status: 200, schema: c.attributePage } },
  { method: "post", path: "/user-attributes", tag: "User attributes", permission: "user_attributes.manage", summary: "Define an attribute", body: named("CreateAttributeDefinitionInput", createAttributeDefinitionSchema), success: { status: 201, schema: c.attribute }, errors: [{ status: 409, description: "The key exists." }] },
  { method: "get", path: "/user-attributes/{id}", tag: "User attributes", permission: "users.view", summary: "Get an attribute definition", success: { status: 200, schema: c.attribute } },
  { method: "patch", path: "/user-attributes/{id}", tag: "User attributes", permission: "user_attributes.manage", summary: "Update an attribute definition", description: "`key` and `type` cannot change (422).", body: named("UpdateAttributeDefinitionInput", updateAttributeDefinitionSchema), success: { status: 200, schema: c.attribute } },
  { method: "delete", path: "/user-attributes/{id}", tag: "User attributes", permission: "user_attributes.manage", summary: "Delete an attribute definition", description: "Every user's value for it is deleted too.", success: { status: 204 } },
];
