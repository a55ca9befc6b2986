import { Badge } from "@/components/ui/badge";
import type { UserDto } from "@/lib/users/schema";

const TONES = { active: "green", inactive: "neutral", expired: "amber" } as const;
const LABELS = { active: "Active", inactive: "Inactive", expired: "Expired" } as const;

export function UserStatusBadge({ user }: { user: Pick<UserDto, "status" | "is_locked"> }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={TONES[user.status]}>{LABELS[user.status]}</Badge>
      {user.is_locked ? <Badge tone="red">Locked</Badge> : null}
    </span>
  );
}
