import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { getCurrentSession, requireActor } from "@/lib/auth/current";
import { CurrentOrgSwitcher } from "./admin/orgs/switcher";
import { consoleNav } from "./nav";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const user = (await getCurrentSession())!.user;
  return (
    <ConsoleShell
      user={{ name: user.name, username: user.username, email: user.email, isAdmin: user.isAdmin }}
      nav={consoleNav(actor)}
      orgSwitcher={<CurrentOrgSwitcher />}
    >
      {children}
    </ConsoleShell>
  );
}
