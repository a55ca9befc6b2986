import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, env } from "../env";
import { endSession } from "../sessions/sessions";
import { requestMeta } from "./request-meta";
import { signInWithPassword } from "./sign-in";

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

let options: NextAuthOptions | undefined;

/**
 * NextAuth only carries the session id: every request re-reads our `sessions` row, so revocation, deactivation
 * and expiry take effect at once. Built lazily so `next build` never reads secrets.
 */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    useSecureCookies: env.APP_URL.startsWith("https://"),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Password",
        credentials: { identifier: { label: "Username or email", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const result = await signInWithPassword(credentials, requestMeta(req.headers ?? {}));
          return result ? { id: result.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      // The token holds nothing but the session id (next-auth adds iat/exp/jti).
      jwt: ({ token, user }) => ({ sid: user?.id ?? token.sid }),
      session: ({ session, token }) => ({ expires: session.expires, sid: token.sid }),
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid);
      },
    },
  };
  return options;
}
