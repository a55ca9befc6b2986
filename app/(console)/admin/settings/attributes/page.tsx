import type { Metadata } from "next";
import { AttributeDefinitionsManager } from "@/components/attributes/attribute-definitions-manager";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAttributeDefinitions } from "@/lib/attributes/definitions";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import { createAttributeDefinitionAction, deleteAttributeDefinitionAction, updateAttributeDefinitionAction } from "./actions";

export const metadata: Metadata = { title: "User attributes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UserAttributesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const page = first((await searchParams).page);
  const result = await listAttributeDefinitions(actor, { page }).catch(async (error) => {
    // A hand-edited URL with a bad page falls back to the first page rather than failing.
    if (isAppError(error) && error.code === "validation") return listAttributeDefinitions(actor);
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!result) return <Forbidden what="user attributes" />;
  const canManage = can(actor, "user_attributes.manage");

  return (
    <div className="space-y-6">
      <PageHeader
        title="User attributes"
        description={
          canManage
            ? "Custom fields stored on every user. Admins can set every attribute; users can change the user-editable ones in their profile."
            : "Custom fields stored on every user. You can view them; changing them needs the user_attributes.manage permission."
        }
      />
      <AttributeDefinitionsManager
        definitions={result.data}
        canManage={canManage}
        actions={{ create: createAttributeDefinitionAction, update: updateAttributeDefinitionAction, remove: deleteAttributeDefinitionAction }}
      />
      {result.total > result.limit ? <Pagination page={result.page} limit={result.limit} total={result.total} basePath="/admin/settings/attributes" /> : null}
    </div>
  );
}
