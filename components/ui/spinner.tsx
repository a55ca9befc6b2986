import { cn } from "./cn";

export type SpinnerProps = { className?: string };

/** Decorative spinner; always aria-hidden. Pair with visible or sr-only text. */
export function Spinner({ className }: SpinnerProps) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      className={cn("h-4 w-4 animate-spin", className)}
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" className="opacity-25" />
      <path
        fill="currentColor"
        className="opacity-75"
        d="M4 12a8 8 0 0 1 8-8V0C5.373 0 0 5.373 0 12h4z"
      />
    </svg>
  );
}

export type LoadingBlockProps = { label?: string; className?: string };

/** Full-width loading placeholder for `loading.tsx` files. */
export function LoadingBlock({ label = "Loading…", className }: LoadingBlockProps) {
  return (
    <div
      role="status"
      className={cn(
        "flex items-center justify-center gap-3 rounded-md border border-zinc-200 bg-white px-4 py-12 text-sm text-zinc-500",
        className,
      )}
    >
      <Spinner className="h-5 w-5 text-indigo-600" />
      <span>{label}</span>
    </div>
  );
}
