"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReauth } from "@/components/profile/reauth-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { OwnMfaView } from "@/lib/mfa/own-view";
import { METHOD_LABELS, type MfaMethod } from "@/lib/mfa/types";

const MANAGE_PATHS: Record<MfaMethod, string> = {
  totp: "/profile/security/mfa/totp",
  sms: "/profile/security/mfa/sms",
  email: "/profile/security/mfa/email",
  passkey: "/profile/security/passkeys",
  face: "/profile/security/mfa/face",
};

function status(mfa: OwnMfaView, method: MfaMethod): string | null {
  const m = mfa.methods;
  if (method === "totp") return m.totp.enrolled ? "Set up" : null;
  if (method === "passkey") return m.passkeys.length ? `${m.passkeys.length} passkey${m.passkeys.length > 1 ? "s" : ""}` : null;
  if (method === "face") return m.face.enrolled ? `${m.face.templates} face template${m.face.templates === 1 ? "" : "s"}` : null;
  return m[method].enrolled ? m[method].target : null;
}

/** Profile → Security: whether a second factor is asked, why, each method's state, and the self-service switch. */
export function OwnMfaOverview({ mfa, setEnabled }: { mfa: OwnMfaView; setEnabled: (input: { enabled: boolean }) => Promise<ActionResult<{ mfa_policy: string }>> }) {
  const withReauth = useReauth();
  const router = useRouter();
  const { toast } = useToast();
  const [busy, setBusy] = useState(false);
  // Enrolled face templates stay listed (to delete them) even while the backend is off.
  const shown = [...new Set<MfaMethod>([...mfa.available_methods, ...mfa.usable_methods, ...(mfa.methods.face.enrolled ? (["face"] as const) : [])])];
  const { policy } = mfa;

  async function toggle(enabled: boolean) {
    setBusy(true);
    const result = await withReauth(() => setEnabled({ enabled }));
    setBusy(false);
    if (!result.ok) return toast({ tone: "error", title: result.message });
    toast({ tone: "success", title: enabled ? "Two-factor authentication is on" : "Two-factor authentication is off" });
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-700">
          <Badge tone={policy.required ? "green" : policy.active ? "blue" : "neutral"}>{policy.required ? "Required" : policy.active ? "On" : "Off"}</Badge>
          <span className="ml-2">{policy.reason}</span>
        </p>
        {policy.user_can_disable ? (
          <Button variant="secondary" size="sm" loading={busy} onClick={() => toggle(false)}>
            Turn off
          </Button>
        ) : !policy.active && policy.global_policy !== "off" && mfa.usable_methods.length ? (
          <Button size="sm" loading={busy} onClick={() => toggle(true)}>
            Turn on
          </Button>
        ) : null}
      </div>
      {shown.length ? (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200">
          {shown.map((method) => {
            const state = status(mfa, method);
            return (
              <li key={method} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium text-zinc-900">{METHOD_LABELS[method]}</span>
                  <span className="ml-2 text-zinc-600">{state ?? "Not set up"}</span>
                </span>
                <Link href={MANAGE_PATHS[method]} className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600" aria-label={`${state ? "Manage" : "Set up"} ${METHOD_LABELS[method]}`}>
                  {state ? "Manage" : "Set up"}
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600">Your administrator has not enabled any second-factor method.</p>
      )}
      {mfa.methods.recovery_codes.total ? (
        <p className="text-sm text-zinc-600">
          Recovery codes: {mfa.methods.recovery_codes.remaining} of {mfa.methods.recovery_codes.total} left (managed with the authenticator app).
        </p>
      ) : null}
    </div>
  );
}
