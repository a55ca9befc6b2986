import { EmptyState } from "@/components/ui/empty-state";

export function Forbidden({ what }: { what: string }) {
  return <EmptyState title={`You do not have access to ${what}`} description="Ask an administrator for a role that grants it." />;
}
