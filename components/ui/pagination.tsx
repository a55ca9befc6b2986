import Link from "next/link";
import { buttonClasses } from "./button";
import { cn } from "./cn";

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  limit: number;
  total: number;
  basePath: string;
  searchParams?: Record<string, string | undefined>;
  className?: string;
};

export function paginationHref(
  basePath: string,
  searchParams: Record<string, string | undefined>,
  page: number,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (value !== undefined && value !== "" && key !== "page") params.set(key, value);
  }
  params.set("page", String(page));
  return `${basePath}?${params.toString()}`;
}

/** Server-renderable pagination (no hooks, no client JS). */
export function Pagination({
  page,
  limit,
  total,
  basePath,
  searchParams = {},
  className,
}: PaginationProps) {
  const safeLimit = Math.max(1, Math.floor(limit) || 1);
  const totalPages = Math.max(1, Math.ceil(Math.max(0, total) / safeLimit));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), totalPages);
  const from = total === 0 ? 0 : (current - 1) * safeLimit + 1;
  const to = Math.min(current * safeLimit, total);
  const hasPrev = current > 1;
  const hasNext = current < totalPages;
  const linkCls = buttonClasses({ variant: "secondary", size: "sm" });

  return (
    <nav
      aria-label="Pagination"
      className={cn("flex flex-wrap items-center justify-between gap-3 py-3 text-sm", className)}
    >
      <p className="text-zinc-600">
        Showing <span className="font-medium text-zinc-900">{from}</span>–
        <span className="font-medium text-zinc-900">{to}</span> of{" "}
        <span className="font-medium text-zinc-900">{total}</span>
      </p>
      <div className="flex items-center gap-2">
        {hasPrev ? (
          <Link href={paginationHref(basePath, searchParams, current - 1)} rel="prev" className={linkCls}>
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={linkCls}>
            Previous
          </span>
        )}
        {hasNext ? (
          <Link href={paginationHref(basePath, searchParams, current + 1)} rel="next" className={linkCls}>
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={linkCls}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
