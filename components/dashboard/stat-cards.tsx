import Link from "next/link";
import type { UserCounts } from "@/lib/dashboard/schema";

const number = new Intl.NumberFormat("en");

type Stat = { label: string; value: number; href?: string; hint?: string };

/** User counts as a row of cards; each links to the users list filtered the same way where one exists. */
export function StatCards({ counts }: { counts: UserCounts }) {
  const stats: Stat[] = [
    { label: "Users", value: counts.total, href: "/admin/users" },
    { label: "Active", value: counts.active, href: "/admin/users?status=active" },
    { label: "Inactive", value: counts.inactive, href: "/admin/users?status=inactive" },
    { label: "Expired", value: counts.expired, href: "/admin/users?status=expired" },
    { label: "Locked", value: counts.locked, hint: "Locked out after failed sign-ins" },
    { label: "Service accounts", value: counts.service_accounts, href: "/admin/users?type=service" },
  ];
  return (
    <ul aria-label="User counts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {stats.map((s) => {
        const body = (
          <>
            <span className="block text-xs font-medium text-zinc-500">{s.label}</span>
            <span className="mt-1 block text-2xl font-semibold text-zinc-900 tabular-nums">{number.format(s.value)}</span>
          </>
        );
        const box = "block h-full rounded-md border border-zinc-200 bg-white px-4 py-3 shadow-sm";
        return (
          <li key={s.label}>
            {s.href ? (
              <Link href={s.href} className={`${box} hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600`}>
                {body}
              </Link>
            ) : (
              <div className={box} title={s.hint}>
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
