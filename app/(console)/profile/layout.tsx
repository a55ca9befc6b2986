import type { ReactNode } from "react";
import { ReauthProvider } from "@/components/profile/reauth-provider";
import { PageHeader } from "@/components/ui/page-header";
import { TabNav } from "@/components/ui/tab-nav";
import { requireActor } from "@/lib/auth/current";
import { getOwnProfile } from "@/lib/profile/profile";
import { reauthenticateAction } from "./actions";

const TABS = [
  { href: "/profile", label: "Details" },
  { href: "/profile/security", label: "Security" },
  { href: "/profile/tokens", label: "Tokens" },
];

export default async function ProfileLayout({ children }: { children: ReactNode }) {
  const profile = await getOwnProfile(await requireActor());
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title="Your profile" description={`Signed in as ${profile.username}.`} />
      <TabNav items={TABS} label="Profile sections" nested />
      <ReauthProvider canUsePassword={profile.has_local_password} reauthenticate={reauthenticateAction}>
        {children}
      </ReauthProvider>
    </div>
  );
}
