import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptionsForRequest } from "@/lib/auth/next-auth";
import { requestMeta } from "@/lib/auth/request-meta";

type Context = { params: Promise<{ nextauth: string[] }> };

/** Options per request: the OIDC providers follow the sources enabled right now. */
const handler = async (req: NextRequest, context: Context) => NextAuth(await authOptionsForRequest(requestMeta(req.headers)))(req, context);

export { handler as GET, handler as POST };
