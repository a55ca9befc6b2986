import type { ConnectionTestResult } from "@/lib/auth-sources/schema";
import { cn } from "@/components/ui/cn";

/** The outcome of "Test connection", announced politely. */
export function TestResult({ result }: { result: ConnectionTestResult | null }) {
  return (
    <div role="status" aria-live="polite">
      {result ? (
        <p className={cn("rounded-md border px-3 py-2 text-sm", result.ok ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-700")}>
          <span className="font-semibold">{result.ok ? "Connection works. " : "Connection failed. "}</span>
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
