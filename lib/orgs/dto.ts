import type { OrganizationRow, UserRow } from "@/db/schema";
import type { MemberDto, OrgDto } from "./schema";

export function toOrgDto(org: OrganizationRow, counts: { members: number; groups: number }): OrgDto {
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    is_default: org.isDefault,
    member_count: counts.members,
    group_count: counts.groups,
    created_at: org.createdAt.toISOString(),
    updated_at: org.updatedAt.toISOString(),
  };
}

export function toMemberDto(user: UserRow, addedAt: Date): MemberDto {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    is_active: user.isActive,
    is_admin: user.isAdmin,
    is_service_account: user.isServiceAccount,
    is_builtin: user.isBuiltin,
    added_at: addedAt.toISOString(),
  };
}
