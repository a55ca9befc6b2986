"use client";

import { useState } from "react";
import { ConfirmActionButton } from "@/components/sessions/confirm-action-button";
import type { ActionResult } from "@/lib/actions/action";
import type { PasswordResetLinkDto } from "@/lib/auth/schema";

/** "Send reset link": mails the user a single-use link and shows it here too, in case the mail does not arrive. */
export function SendResetLinkButton({ user, action }: { user: { id: string; username: string }; action: (input: { id: string }) => Promise<ActionResult<PasswordResetLinkDto>> }) {
  const [link, setLink] = useState<PasswordResetLinkDto | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmActionButton
        label="Send reset link"
        title={`Send ${user.username} a password reset link?`}
        description="They receive a link that works once and expires in 30 minutes. Their current password keeps working until they use it; using it signs them out everywhere."
        confirmLabel="Send link"
        tone="primary"
        run={() => action({ id: user.id })}
        success={(data) => (data.mailed ? `Reset link mailed to ${user.username}` : "The mail could not be sent; hand over the link below")}
        onDone={setLink}
      />
      {link ? (
        <div role="status" className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs text-zinc-700">
          <label htmlFor="reset-link" className="block font-medium text-zinc-800">
            Reset link (valid until {new Date(link.expires_at).toUTCString()})
          </label>
          <input id="reset-link" readOnly value={link.reset_url} className="mt-1 w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </div>
  );
}
