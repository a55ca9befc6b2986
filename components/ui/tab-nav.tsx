"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "./cn";

export type TabItem = { href: string; label: string };

/**
 * Underlined tabs between sibling pages. A tab is current on its own path; with `nested`, also on paths below it
 * (except the first tab, which is usually the section root).
 */
export function TabNav({ items, label, nested = false }: { items: TabItem[]; label: string; nested?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-zinc-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {items.map((item, index) => {
          const current = pathname === item.href || (nested && index > 0 && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
                  current ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
