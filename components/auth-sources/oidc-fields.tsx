"use client";

import { FieldGroup, TextField } from "./fields";

/** The OIDC part of the source form (names under config.* and secrets.*). */
export function OidcFields({ secretStored, callbackUrl }: { secretStored: boolean; callbackUrl: string }) {
  return (
    <>
      <FieldGroup legend="Identity provider">
        <TextField name="config.issuer" label="Issuer URL" required hint="Its /.well-known/openid-configuration is read for the endpoints." placeholder="https://idp.example.com/realms/corp" />
        <TextField name="config.button_label" label="Button label" required hint="Shown on the sign-in page." placeholder="Sign in with Corp SSO" />
        <TextField name="config.client_id" label="Client ID" required />
        <TextField
          name="secrets.client_secret"
          label="Client secret"
          type="password"
          hint={secretStored ? "Stored. Leave empty to keep it; type a new one to replace it." : "Stored encrypted; never shown again. Empty for a public client."}
        />
        <TextField name="config.scopes" label="Scopes" hint="Space-separated; must include openid." />
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-zinc-800">Redirect URI</p>
          <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs break-all text-zinc-700" data-testid="oidc-callback-url">
            {callbackUrl}
          </p>
          <p className="text-xs text-zinc-500">Register this at the identity provider.</p>
        </div>
      </FieldGroup>
      <FieldGroup legend="Claim mapping">
        <TextField name="config.claim_username" label="Username claim" />
        <TextField name="config.claim_email" label="Email claim" />
        <TextField name="config.claim_name" label="Name claim" />
        <TextField name="config.claim_first_name" label="First name claim" />
        <TextField name="config.claim_last_name" label="Last name claim" />
        <TextField name="config.claim_phone" label="Phone claim" />
      </FieldGroup>
    </>
  );
}
