"use client";

import { cn } from "@/components/ui/cn";
import { passwordRuleResults, type PasswordContext } from "@/lib/passwords/policy";
import type { PasswordPolicy } from "@/lib/settings/schema";

export type PasswordChecklistProps = {
  password: string;
  policy: PasswordPolicy;
  context?: PasswordContext;
  /** Whether the history rule applies (not for a brand-new account). */
  history?: boolean;
  /** For aria-describedby on the password input. */
  id?: string;
  className?: string;
};

/**
 * The policy's rules, ticked live as the user types. The server checks them again, plus the common-password list
 * and the password history, which only it can see.
 */
export function PasswordChecklist({ password, policy, context = {}, history = true, id, className }: PasswordChecklistProps) {
  const results = passwordRuleResults(password, policy, context);
  const serverSide = [policy.blocklist && "not be a commonly used password", history && "differ from your recent passwords"].filter(Boolean);
  return (
    <div id={id} className={cn("rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-xs", className)}>
      <p className="font-medium text-zinc-700">Your password needs</p>
      <ul aria-live="polite" className="mt-1 space-y-0.5">
        {results.map((r) => (
          <li key={r.rule} className={cn("flex items-center gap-1.5", r.ok ? "text-green-700" : "text-zinc-600")}>
            <span aria-hidden="true" className="inline-block w-3 text-center">
              {r.ok ? "✓" : "•"}
            </span>
            {r.label}
            <span className="sr-only">{r.ok ? " — met" : " — not met yet"}</span>
          </li>
        ))}
      </ul>
      {serverSide.length > 0 ? <p className="mt-1 text-zinc-500">It must also {serverSide.join(" and ")}; this is checked when you save.</p> : null}
    </div>
  );
}
