import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/next-auth";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, context: Context) => NextAuth(getAuthOptions())(req, context);

export { handler as GET, handler as POST };
