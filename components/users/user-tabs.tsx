import { TabNav } from "@/components/ui/tab-nav";

export function UserTabs({ userId }: { userId: string }) {
  const base = `/admin/users/${userId}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/groups`, label: "Groups" },
    { href: `${base}/roles`, label: "Roles" },
    { href: `${base}/access`, label: "Access" },
    { href: `${base}/mfa`, label: "MFA" },
    { href: `${base}/sessions`, label: "Sessions" },
    { href: `${base}/tokens`, label: "Tokens" },
  ];
  return <TabNav items={tabs} label="User sections" />;
}
