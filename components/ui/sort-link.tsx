"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/**
 * A column header that sorts the server-side list through the URL (`?sort=field` / `?sort=-field`).
 * Returns the aria-sort value for the header cell through `sortState`.
 */
export function sortState(current: string | null, field: string): "ascending" | "descending" | "none" {
  if (current === field) return "ascending";
  if (current === `-${field}`) return "descending";
  return "none";
}

export function SortLink({ field, label, defaultSort }: { field: string; label: string; defaultSort?: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("sort") ?? defaultSort ?? null;
  const state = sortState(current, field);
  const next = new URLSearchParams(params);
  next.set("sort", state === "ascending" ? `-${field}` : field);
  next.delete("page");
  return (
    <Link href={`${pathname}?${next}`} className="inline-flex items-center gap-1 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
      {label}
      <span aria-hidden="true" className="text-zinc-400">
        {state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕"}
      </span>
    </Link>
  );
}
