"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/components/profile/format";
import { useReauth } from "@/components/profile/reauth-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { OtpChannelStatus } from "@/lib/mfa/otp-schema";
import { METHOD_LABELS } from "@/lib/mfa/types";
import { OtpChannelSetup, type OtpChannelSetupProps } from "./otp-channel-setup";

export type OtpChannelProfileProps = {
  status: OtpChannelStatus;
  start: OtpChannelSetupProps["start"];
  confirm: OtpChannelSetupProps["confirm"];
  remove: (input: Record<string, never>) => Promise<ActionResult<null>>;
};

/** SMS or email codes in the profile: set up, see where codes go, change the number, remove. May ask "confirm it's you". */
export function OtpChannelProfile({ status, start, confirm, remove }: OtpChannelProfileProps) {
  const withReauth = useReauth();
  const router = useRouter();
  const { toast } = useToast();
  const [changing, setChanging] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const label = METHOD_LABELS[status.channel];

  const setup = (
    <OtpChannelSetup
      channel={status.channel}
      initialPhone={status.channel === "sms" ? status.profile_target : null}
      email={status.channel === "email" ? status.profile_target : null}
      start={(input) => withReauth(() => start(input))}
      confirm={(input) => withReauth(() => confirm(input))}
      onEnrolled={() => {
        setChanging(false);
        router.refresh();
      }}
    />
  );

  if (!status.enrolled) return status.allowed ? setup : null;

  async function removeNow() {
    setRemoving(false); // the "confirm it's you" dialog may come next
    setBusy(true);
    setRemoveError(null);
    const result = await withReauth(() => remove({}));
    setBusy(false);
    if (!result.ok) {
      setRemoveError(result.message);
      return toast({ tone: "error", title: `${label} not removed`, description: result.message });
    }
    toast({ tone: "success", title: `${label} removed` });
    router.refresh();
  }

  const { enrolled } = status;
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={status.allowed ? "green" : "amber"}>{status.allowed ? "Active" : "Not accepted now"}</Badge>
        <span>
          Codes go to <strong className="font-medium text-zinc-900">{enrolled.sent_to}</strong>, set up {formatDateTime(enrolled.created_at)}.
          {enrolled.last_used_at ? ` Last used ${formatDateTime(enrolled.last_used_at)}.` : " Not used to sign in yet."}
        </span>
      </p>
      <FormAlert>{removeError}</FormAlert>
      {changing ? (
        <div className="space-y-3 rounded-md border border-zinc-200 p-4">
          {setup}
          <Button variant="ghost" size="sm" onClick={() => setChanging(false)}>
            Keep the current number
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {status.allowed && status.channel === "sms" ? (
            <Button variant="secondary" onClick={() => setChanging(true)} disabled={busy}>
              Change number
            </Button>
          ) : null}
          <Button variant="danger" onClick={() => setRemoving(true)} loading={busy}>
            Remove
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={removing}
        tone="danger"
        title={`Remove ${label}?`}
        description={`Codes to ${enrolled.sent_to} will no longer be accepted at sign-in.`}
        confirmLabel="Remove"
        onConfirm={removeNow}
        onCancel={() => setRemoving(false)}
      />
    </div>
  );
}
