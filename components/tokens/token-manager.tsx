"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { CreatedToken, CreateTokenInput, TokenDto, TokenFormOptions } from "@/lib/tokens/schema";
import { CreateTokenDialog } from "./create-token-dialog";
import { TokensTable } from "./tokens-table";

/**
 * Props of <TokenManager>, for the user page's Tokens tab and /profile/tokens alike.
 *
 * Server side, load `tokens` with listPersonalAccessTokens(actor, userId, { page }) and `options` with
 * getTokenFormOptions(actor, userId) (lib/tokens), and pass server actions for `create` and `revoke`. For someone's
 * own tokens: `action(createTokenSchema, (actor, input) => createPersonalAccessToken(actor, actor.userId!, input))`
 * and `action(z.object({ tokenId: z.string() }), (actor, { tokenId }) => deletePersonalAccessToken(actor, actor.userId!, tokenId))`.
 */
export type TokenManagerProps = {
  /** The current page of tokens (TokenPage.data). Render <Pagination> below the manager when total > limit. */
  tokens: TokenDto[];
  /** Scopes the form offers, the expiry bounds, and whether the owner is the control plane's account. */
  options: TokenFormOptions;
  /** Who the tokens belong to, as shown in dialogs ("svc-ci", or "you"). */
  ownerLabel: string;
  /** The server's current time (ISO), to mark expired tokens identically on server and client. */
  now: string;
  /** Creates a token; the manager shows `data.token` once, with a copy button. Omit to hide "New token". */
  create?: (input: CreateTokenInput) => Promise<ActionResult<CreatedToken>>;
  /** Revokes (deletes) a token after a confirmation. Omit to hide "Revoke". */
  revoke?: (input: { tokenId: string }) => Promise<ActionResult<unknown>>;
  /** Shown above the list, e.g. why the control plane's token is not listed. */
  notice?: ReactNode;
};

/** Lists Personal Access Tokens, creates one (shown once, with a copy button) and revokes with confirmation. */
export function TokenManager({ tokens, options, ownerLabel, now, create, revoke, notice }: TokenManagerProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenDto | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirmRevoke() {
    if (!revoking || !revoke) return;
    setBusy(true);
    const result = await revoke({ tokenId: revoking.id });
    setBusy(false);
    if (!result.ok) return toast({ title: "Token not revoked", description: result.message, tone: "error" });
    toast({ title: `Revoked "${revoking.name}"`, tone: "success" });
    setRevoking(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-600">
          Personal Access Tokens authenticate API calls as {ownerLabel}. Only a fingerprint is stored: a lost token cannot be shown again — revoke it and create
          another.
        </p>
        {create ? <Button onClick={() => setCreating(true)}>New token</Button> : null}
      </div>
      {notice}
      {tokens.length === 0 ? (
        <EmptyState title="No tokens" description={create ? "Create one to call the API as this account." : undefined} />
      ) : (
        <TokensTable tokens={tokens} now={now} onRevoke={revoke ? setRevoking : undefined} />
      )}
      {create ? <CreateTokenDialog open={creating} onClose={() => setCreating(false)} create={create} options={options} ownerLabel={ownerLabel} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        description="Anything using it — and every JWT exchanged for it — stops working at once. This cannot be undone."
        confirmLabel="Revoke token"
        tone="danger"
        busy={busy}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      />
    </div>
  );
}
