import { Badge } from "@/components/ui/badge";
import type { EffectiveMfaPolicy } from "@/lib/mfa/types";

const GLOBAL_LABELS: Record<EffectiveMfaPolicy["global_policy"], string> = {
  off: "Off",
  optional: "Optional",
  required_admins: "Required for administrators",
  required_all: "Required for everyone",
};
const USER_LABELS: Record<EffectiveMfaPolicy["user_policy"], string> = { disabled: "Disabled", enabled: "Enabled", force_enabled: "Force enabled" };

/** The effective MFA policy of one person and why (user page, profile). */
export function MfaPolicySummary({ policy }: { policy: EffectiveMfaPolicy }) {
  const state = policy.required ? { tone: "green" as const, label: "Required" } : policy.active ? { tone: "blue" as const, label: "On" } : { tone: "neutral" as const, label: "Off" };
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-3">
      <div>
        <dt className="font-medium text-zinc-500">Effective</dt>
        <dd className="mt-1">
          <Badge tone={state.tone}>{state.label}</Badge>
        </dd>
      </div>
      <div>
        <dt className="font-medium text-zinc-500">User policy</dt>
        <dd className="mt-1 text-zinc-900">{USER_LABELS[policy.user_policy]}</dd>
      </div>
      <div>
        <dt className="font-medium text-zinc-500">Global policy</dt>
        <dd className="mt-1 text-zinc-900">{GLOBAL_LABELS[policy.global_policy]}</dd>
      </div>
      <div className="sm:col-span-3">
        <dt className="font-medium text-zinc-500">Why</dt>
        <dd className="mt-1 text-zinc-900">{policy.reason}</dd>
      </div>
    </dl>
  );
}
