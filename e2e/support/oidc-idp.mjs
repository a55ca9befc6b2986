// A real OpenID Connect provider (panva's oidc-provider, OpenID Certified) for tests, in-process on 127.0.0.1:<free port>.
// Its dev interactions serve a login form (any login name; the password is ignored — findAccount decides who
// exists) and a consent form. See ../shared/notes/test-peers-verified.md §2.
import { createServer } from "node:http";
import Provider from "oidc-provider";

/**
 * @param {{ clients: Array<{ client_id: string, client_secret: string, redirect_uris: string[] }>, accounts?: Record<string, Record<string, unknown>> }} options
 */
export async function startOidcProvider({ clients, accounts = {} }) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "preferred_username"],
      phone: ["phone_number"],
    },
    scopes: ["openid", "email", "profile", "phone"],
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["gatehouse-test-idp-cookie-key"] },
    async findAccount(_ctx, id) {
      const claims = accounts[id];
      return claims ? { accountId: id, async claims() { return { sub: id, ...claims }; } } : undefined;
    },
  });
  provider.on("server_error", (_ctx, error) => console.error("[oidc-idp] server_error", error));
  server.on("request", provider.callback());
  return {
    issuer,
    /** Adds or replaces a person the IdP knows (their claims; `sub` is the login name). */
    setAccount(id, claims) {
      accounts[id] = claims;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
