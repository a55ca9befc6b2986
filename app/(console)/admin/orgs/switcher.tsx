import { OrgSwitcher } from "@/components/orgs/org-switcher";
import { requireActor } from "@/lib/auth/current";
import { getCurrentOrgId, listSwitchableOrgs } from "@/lib/orgs/current";
import { switchOrgAction } from "./actions";

/** Drop-in for the console header: `<CurrentOrgSwitcher />` (a server component; loads the options and the selection). */
export async function CurrentOrgSwitcher() {
  const actor = await requireActor();
  const orgs = await listSwitchableOrgs(actor);
  return <OrgSwitcher orgs={orgs} currentOrgId={await getCurrentOrgId(actor)} switchOrg={switchOrgAction} />;
}
