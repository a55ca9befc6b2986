"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      title="Something went wrong"
      description={`Try again. If it keeps happening, quote reference ${error.digest ?? "unknown"}.`}
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
