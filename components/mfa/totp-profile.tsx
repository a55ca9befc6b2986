"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReauth } from "@/components/profile/reauth-provider";
import { formatDateTime } from "@/components/profile/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { ConfirmTotpInput, TotpConfirmation, TotpEnrollmentStart } from "@/lib/mfa/totp-schema";
import { RecoveryCodes } from "./recovery-codes";
import { TotpSetup } from "./totp-setup";

type NoInput = Record<string, never>;

export type TotpProfileProps = {
  status: { backend_allowed: boolean; enrolled: boolean; confirmed_at: string | null; recovery_codes: { total: number; remaining: number } };
  begin: (input: NoInput) => Promise<ActionResult<TotpEnrollmentStart>>;
  confirm: (input: ConfirmTotpInput) => Promise<ActionResult<TotpConfirmation>>;
  regenerate: (input: NoInput) => Promise<ActionResult<TotpConfirmation>>;
  remove: (input: NoInput) => Promise<ActionResult<null>>;
};

/** The authenticator app in the profile: set it up, or see it, renew the recovery codes and remove it. */
export function TotpProfile({ status, begin, confirm, regenerate, remove }: TotpProfileProps) {
  const withReauth = useReauth();
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState<"regenerate" | "remove" | null>(null);
  const [busy, setBusy] = useState(false);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);

  if (!status.enrolled) {
    if (!status.backend_allowed) return null;
    return (
      <TotpSetup
        begin={() => withReauth(() => begin({}))}
        confirm={(input) => withReauth(() => confirm(input))}
        onDone={() => {
          toast({ title: "Authenticator app turned on", description: "You will be asked for a code when you sign in.", tone: "success" });
          router.refresh();
        }}
      />
    );
  }

  if (freshCodes) {
    return (
      <RecoveryCodes
        codes={freshCodes}
        onAcknowledge={() => {
          setFreshCodes(null);
          router.refresh();
        }}
      />
    );
  }

  async function run() {
    const what = pending;
    setPending(null); // the "confirm it's you" dialog may come next
    setBusy(true);
    if (what === "regenerate") {
      const result = await withReauth(() => regenerate({}));
      setBusy(false);
      if (!result.ok) return toast({ title: "Recovery codes not renewed", description: result.message, tone: "error" });
      toast({ title: "New recovery codes", description: "The old codes no longer work.", tone: "success" });
      setFreshCodes(result.data.recovery_codes);
    } else if (what === "remove") {
      const result = await withReauth(() => remove({}));
      setBusy(false);
      if (!result.ok) return toast({ title: "Authenticator app not removed", description: result.message, tone: "error" });
      toast({ title: "Authenticator app removed", tone: "success" });
      router.refresh();
    }
  }

  const { remaining, total } = status.recovery_codes;
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone="green">Active</Badge>
        <span>Authenticator app active since {status.confirmed_at ? formatDateTime(status.confirmed_at) : "—"}.</span>
      </p>
      <p>
        Recovery codes remaining: <strong className="font-semibold text-zinc-900">{remaining}</strong> of {total || 10}
        {remaining <= 3 ? <span className="ml-2 text-amber-700">Running low: generate new ones.</span> : null}
      </p>
      <div className="flex flex-wrap gap-2">
        {status.backend_allowed ? (
          <Button variant="secondary" onClick={() => setPending("regenerate")} disabled={busy}>
            Regenerate recovery codes
          </Button>
        ) : null}
        <Button variant="danger" onClick={() => setPending("remove")} disabled={busy}>
          Remove
        </Button>
      </div>
      <ConfirmDialog
        open={pending === "regenerate"}
        title="Regenerate recovery codes?"
        description="You get 10 new codes, shown once. All your current recovery codes stop working."
        confirmLabel="Regenerate"
        onConfirm={run}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending === "remove"}
        tone="danger"
        title="Remove the authenticator app?"
        description="Its codes will no longer be accepted at sign-in. If it is your only second factor, your recovery codes are deleted too."
        confirmLabel="Remove"
        onConfirm={run}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
