"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/components/profile/format";
import { useReauth } from "@/components/profile/reauth-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import { PASSKEY_NAME_MAX, passkeyNameSchema, type PasskeyDto, type RegisterPasskeyInput } from "@/lib/mfa/passkey-schema";
import { PasskeyRegister } from "./passkey-register";

type Props = {
  passkeys: PasskeyDto[];
  /** The administrator has enabled passkeys (existing ones can always be renamed and removed). */
  canAdd: boolean;
  begin: (input: Record<string, never>) => Promise<ActionResult<{ challenge_id: string; options: unknown }>>;
  finish: (input: RegisterPasskeyInput) => Promise<ActionResult<{ id: string; name: string }>>;
  rename: (input: { id: string; name: string }) => Promise<ActionResult<PasskeyDto>>;
  remove: (input: { id: string }) => Promise<ActionResult<null>>;
};

function KindBadge({ passkey }: { passkey: PasskeyDto }) {
  if (passkey.device_type === "multiDevice") return <Badge tone="blue">{passkey.backed_up ? "Synced" : "Syncable"}</Badge>;
  if (passkey.device_type === "singleDevice") return <Badge>Device-bound</Badge>;
  return null;
}

/** Profile → Security → Passkeys: list, add, rename inline, remove. Every change may first ask "confirm it's you". */
export function PasskeyManager({ passkeys, canAdd, begin, finish, rename, remove }: Props) {
  const withReauth = useReauth();
  const router = useRouter();
  const { toast } = useToast();
  const [editing, setEditing] = useState<{ id: string; name: string; error: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<PasskeyDto | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function saveName(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const parsed = passkeyNameSchema.safeParse(editing.name);
    if (!parsed.success) return setEditing({ ...editing, error: parsed.error.issues[0]?.message ?? "Give the passkey a name." });
    setSaving(true);
    const result = await withReauth(() => rename({ id: editing.id, name: parsed.data }));
    setSaving(false);
    if (!result.ok) return setEditing({ ...editing, error: result.fieldErrors?.name?.[0] ?? result.message });
    setEditing(null);
    toast({ tone: "success", title: "Passkey renamed", description: `It is now called “${result.data.name}”.` });
    router.refresh();
  }

  async function confirmRemove() {
    if (!removing) return;
    setBusy(true);
    const result = await withReauth(() => remove({ id: removing.id }));
    setBusy(false);
    if (!result.ok) return setRemoveError(result.message);
    toast({ tone: "success", title: "Passkey removed", description: `“${removing.name}” can no longer be used to sign in.` });
    setRemoving(null);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {passkeys.length === 0 ? (
        <EmptyState title="No passkeys yet" description="A passkey lets you sign in with your face, fingerprint, screen lock or a security key — no password to type or steal." />
      ) : (
        <Table aria-label="Your passkeys">
          <THead>
            <tr>
              <TH>Name</TH>
              <TH>Type</TH>
              <TH>Added</TH>
              <TH>Last used</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {passkeys.map((p) => (
              <TR key={p.id}>
                <TD className="font-medium text-zinc-900">
                  {editing?.id === p.id ? (
                    <form onSubmit={saveName} noValidate className="flex flex-wrap items-start gap-2" onKeyDown={(e) => e.key === "Escape" && setEditing(null)}>
                      <div>
                        <label htmlFor={`rename-${p.id}`} className="sr-only">
                          New name for {p.name}
                        </label>
                        <Input
                          id={`rename-${p.id}`}
                          value={editing.name}
                          maxLength={PASSKEY_NAME_MAX}
                          autoFocus
                          onChange={(e) => setEditing({ ...editing, name: e.target.value, error: null })}
                          aria-invalid={!!editing.error}
                          aria-describedby={editing.error ? `rename-${p.id}-error` : undefined}
                        />
                        {editing.error ? (
                          <p id={`rename-${p.id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
                            {editing.error}
                          </p>
                        ) : null}
                      </div>
                      <Button type="submit" size="sm" loading={saving}>
                        Save
                      </Button>
                      <Button size="sm" variant="secondary" onClick={() => setEditing(null)} disabled={saving}>
                        Cancel
                      </Button>
                    </form>
                  ) : (
                    p.name
                  )}
                </TD>
                <TD>
                  <KindBadge passkey={p} />
                </TD>
                <TD>{formatDateTime(p.created_at)}</TD>
                <TD>{p.last_used_at ? formatDateTime(p.last_used_at) : "Never"}</TD>
                <TD className="text-right whitespace-nowrap">
                  {editing?.id === p.id ? null : (
                    <span className="inline-flex gap-2">
                      <Button size="sm" variant="secondary" onClick={() => setEditing({ id: p.id, name: p.name, error: null })} aria-label={`Rename ${p.name}`}>
                        Rename
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        onClick={() => {
                          setRemoveError(null);
                          setRemoving(p);
                        }}
                        aria-label={`Remove ${p.name}`}
                      >
                        Remove
                      </Button>
                    </span>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}

      <section aria-labelledby="add-passkey" className="space-y-3 border-t border-zinc-200 pt-5">
        <h3 id="add-passkey" className="text-sm font-semibold text-zinc-900">
          Add a passkey
        </h3>
        {canAdd ? (
          <PasskeyRegister
            begin={() => withReauth(() => begin({}))}
            finish={(input) => withReauth(() => finish(input))}
            onRegistered={(created) => {
              toast({ tone: "success", title: "Passkey added", description: `“${created.name}” can now be used to sign in.` });
              router.refresh();
            }}
          />
        ) : (
          <p className="text-sm text-zinc-600">Your administrator has not enabled passkeys, so you cannot add one. Passkeys you already have can still be renamed or removed.</p>
        )}
      </section>

      <ConfirmDialog
        open={removing !== null}
        title="Remove this passkey?"
        description={removing ? `“${removing.name}” will no longer sign you in. The passkey may stay on the device; you can delete it there too.` : undefined}
        confirmLabel="Remove"
        tone="danger"
        busy={busy}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        {removeError ? <FormAlert>{removeError}</FormAlert> : null}
      </ConfirmDialog>
    </div>
  );
}
