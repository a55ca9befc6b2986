import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { wellKnownUrl } from "../auth-sources/oidc";
import { enabledSources, type OidcSource } from "../auth-sources/queries";
import { authSecret, env } from "../env";
import { endSession } from "../sessions/sessions";
import type { RequestMeta } from "./actor";
import { signInWithOidc } from "./oidc-sign-in";
import { passkeyProvider } from "./passkey-provider";
import { requestMeta } from "./request-meta";
import { SignInRefusedError, signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** Password sign-in (every password backend). A refusal worth explaining travels as NextAuth's error code. */
const credentialsProvider = CredentialsProvider({
  id: "credentials",
  name: "Password",
  credentials: { identifier: { label: "Username or email", type: "text" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, req) {
    try {
      const result = await signInWithPassword(credentials, requestMeta(req.headers ?? {}));
      return result ? { id: result.sessionId } : null;
    } catch (error) {
      if (error instanceof SignInRefusedError) throw new Error(error.code);
      throw error;
    }
  },
});

type Claims = Record<string, unknown>;

/**
 * One OAuth provider per enabled OIDC source: discovery from the issuer, PKCE + state + nonce, and the ID token
 * validated by openid-client. Claims are the ID token's, completed by userinfo (the ID token wins on conflicts).
 */
export function oidcProvider(source: OidcSource): OAuthConfig<Claims> {
  return {
    id: source.slug,
    name: source.config.button_label,
    type: "oauth",
    wellKnown: wellKnownUrl(source.config.issuer),
    clientId: source.config.client_id,
    clientSecret: source.secrets.client_secret ?? "",
    authorization: { params: { scope: source.config.scopes } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    client: { token_endpoint_auth_method: source.secrets.client_secret ? "client_secret_basic" : "none" },
    httpOptions: { timeout: 10_000 },
    userinfo: {
      async request({ tokens, client }) {
        const set = tokens as unknown as TokenSet; // what openid-client's callback() returned
        const claims = set.claims() as Claims;
        const info = set.access_token ? ((await client.userinfo(set).catch(() => ({}))) as Claims) : {};
        return { ...info, ...claims };
      },
    },
    profile: (claims) => ({ id: String(claims.sub) }),
  };
}

let baseOptions: NextAuthOptions | undefined;

/**
 * NextAuth only carries the session id: every request re-reads our `sessions` row, so revocation, deactivation
 * and expiry take effect at once. Built lazily so `next build` never reads secrets. Enough for getServerSession;
 * the /api/auth route adds the OIDC providers (authOptionsForRequest).
 */
export function getAuthOptions(): NextAuthOptions {
  baseOptions ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    useSecureCookies: env.APP_URL.startsWith("https://"),
    pages: { signIn: "/login", error: "/login" },
    providers: [credentialsProvider, passkeyProvider],
    callbacks: {
      // The token holds nothing but the session id (next-auth adds iat/exp/jti). For every provider `user.id` is our sid.
      jwt: ({ token, user }) => ({ sid: user?.id ?? token.sid }),
      session: ({ session, token }) => ({ expires: session.expires, sid: token.sid }),
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid);
      },
    },
  };
  return baseOptions;
}

/**
 * Options for one /api/auth request: the providers of the sources enabled right now, and a signIn callback that turns
 * a validated OIDC sign-in into our own session row (its id replaces `user.id`, which the jwt callback stores as sid).
 */
export async function authOptionsForRequest(meta: RequestMeta): Promise<NextAuthOptions> {
  const base = getAuthOptions();
  const oidc = await enabledSources("oidc");
  return {
    ...base,
    providers: [credentialsProvider, passkeyProvider, ...oidc.map(oidcProvider)],
    callbacks: {
      ...base.callbacks,
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        const outcome = await signInWithOidc(account.provider, (profile ?? {}) as Claims, meta);
        if ("refused" in outcome) return `${env.APP_URL.replace(/\/+$/, "")}/login?error=${outcome.refused}`;
        user.id = outcome.sessionId;
        return true;
      },
    },
  };
}
