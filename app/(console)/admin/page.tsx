import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { MfaChart } from "@/components/dashboard/mfa-chart";
import { RecentFailures } from "@/components/dashboard/recent-failures";
import { SignInsChart } from "@/components/dashboard/sign-ins-chart";
import { StatCards } from "@/components/dashboard/stat-cards";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { SIGN_IN_DAYS } from "@/lib/dashboard/schema";
import { permittedOrgs } from "@/lib/rbac/authorize";

export const metadata: Metadata = { title: "Dashboard" };

const anywhere = (orgs: "all" | string[]) => orgs === "all" || orgs.length > 0;

async function DashboardPanels({ actor }: { actor: Actor }) {
  const dashboard = await getDashboard(actor);
  return (
    <div className="space-y-6">
      {dashboard.users ? <StatCards counts={dashboard.users} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        {dashboard.sign_ins ? (
          <Card aria-labelledby="dash-sign-ins" className="lg:col-span-2">
            <CardHeader id="dash-sign-ins" title="Sign-ins" description={`Per day over the last ${SIGN_IN_DAYS} days (UTC).`} />
            <CardBody>
              <SignInsChart days={dashboard.sign_ins} />
            </CardBody>
          </Card>
        ) : null}
        {dashboard.mfa ? (
          <Card aria-labelledby="dash-mfa">
            <CardHeader id="dash-mfa" title="MFA adoption" description="Active people with an authenticator app or a passkey." />
            <CardBody>
              <MfaChart mfa={dashboard.mfa} />
            </CardBody>
          </Card>
        ) : null}
      </div>
      {dashboard.recent_failures ? (
        <Card aria-labelledby="dash-failures">
          <CardHeader id="dash-failures" title="Recent failures" description="Failed sign-ins and refused requests." />
          <CardBody>
            <RecentFailures events={dashboard.recent_failures} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

/** /admin: the overview. People without anything to oversee go to their profile instead. */
export default async function DashboardPage() {
  const actor = await requireActor();
  if (!anywhere(permittedOrgs(actor, "users.view")) && !anywhere(permittedOrgs(actor, "audit.view"))) redirect("/profile");
  const scoped = permittedOrgs(actor, "users.view") !== "all";
  return (
    <div className="space-y-6">
      <PageHeader title="Dashboard" description={scoped ? "Your organizations at a glance." : "Gatehouse at a glance."} />
      <Suspense fallback={<LoadingBlock label="Loading the dashboard…" />}>
        <DashboardPanels actor={actor} />
      </Suspense>
    </div>
  );
}
