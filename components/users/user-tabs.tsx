"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { segment: "", label: "Overview" },
  { segment: "/groups", label: "Groups" },
  { segment: "/roles", label: "Roles" },
  { segment: "/access", label: "Access" },
];

export function UserTabs({ userId }: { userId: string }) {
  const pathname = usePathname();
  const base = `/admin/users/${userId}`;
  return (
    <nav aria-label="User sections" className="flex gap-1 border-b border-zinc-200">
      {TABS.map((tab) => {
        const href = `${base}${tab.segment}`;
        const active = pathname === href;
        return (
          <Link
            key={tab.label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
              active ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-600 hover:text-zinc-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
