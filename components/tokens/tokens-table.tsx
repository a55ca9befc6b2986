"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TokenDto } from "@/lib/tokens/schema";
import { formatDate, formatDateTime, permissionLabel } from "./format";

function Scopes({ scopes }: { scopes: string[] | null }) {
  if (!scopes) return <Badge tone="blue">All permissions</Badge>;
  if (scopes.length === 0) return <Badge>None</Badge>;
  return (
    <ul className="flex max-w-xs flex-wrap gap-1" aria-label="Scopes">
      {scopes.map((s) => (
        <li key={s} title={permissionLabel(s)}>
          <Badge>{s}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** The tokens, never their secrets: prefix, name, scopes, expiry, last use. */
export function TokensTable({ tokens, now, onRevoke }: { tokens: TokenDto[]; now: string; onRevoke?: (token: TokenDto) => void }) {
  return (
    <Table>
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Token</TH>
          <TH>Scopes</TH>
          <TH>Expires</TH>
          <TH>Last used</TH>
          {onRevoke ? (
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {tokens.map((token) => {
          const expired = token.expires_at !== null && token.expires_at <= now;
          return (
            <TR key={token.id} data-testid="token-row">
              <TD className="font-medium text-zinc-900">
                {token.name}
                <span className="block text-xs font-normal text-zinc-500">Created {formatDate(token.created_at)}</span>
              </TD>
              <TD>
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs">{token.prefix}…</code>
              </TD>
              <TD>
                <Scopes scopes={token.scopes} />
              </TD>
              <TD className="whitespace-nowrap">{token.expires_at ? expired ? <Badge tone="red">Expired</Badge> : formatDate(token.expires_at) : "Never"}</TD>
              <TD className="whitespace-nowrap">
                {token.last_used_at ? (
                  <>
                    {formatDateTime(token.last_used_at)}
                    {token.last_used_ip ? <span className="block text-xs text-zinc-500">from {token.last_used_ip}</span> : null}
                  </>
                ) : (
                  <span className="text-zinc-500">Never</span>
                )}
              </TD>
              {onRevoke ? (
                <TD className="text-right">
                  <Button variant="ghost" size="sm" className="text-red-700" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </Button>
                </TD>
              ) : null}
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
