import { Badge } from "@/components/ui/badge";
import type { LockStatusDto } from "@/lib/auth/schema";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Failed sign-ins and any brute-force lock of an account, in words. */
export function LockStatus({ lock }: { lock: LockStatusDto }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
      {lock.is_locked ? (
        <>
          <Badge tone="red">Locked</Badge>
          <span>until {dateTime.format(new Date(lock.locked_until!))} UTC after too many failed sign-ins.</span>
        </>
      ) : (
        <>
          <Badge tone="green">Not locked</Badge>
          <span>
            {lock.failed_login_count === 0 ? "No failed sign-ins since the last success." : `${lock.failed_login_count} failed sign-in${lock.failed_login_count === 1 ? "" : "s"} since the last success.`}
          </span>
        </>
      )}
    </p>
  );
}
