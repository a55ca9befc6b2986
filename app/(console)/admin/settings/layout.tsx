import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";

const SETTINGS_PAGES = [
  { href: "/admin/settings", label: "General" },
  { href: "/admin/settings/password", label: "Password policy" },
  { href: "/admin/settings/mfa", label: "MFA" },
  { href: "/admin/settings/attributes", label: "User attributes" },
  { href: "/admin/settings/auth-sources", label: "Authentication sources" },
];

/** Sub-navigation only: each page checks its own permission and renders its own header. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <SettingsNav items={SETTINGS_PAGES} />
      {children}
    </div>
  );
}
