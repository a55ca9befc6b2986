import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

/** "Alice.Smith+news@corp.com" → "alice.smith-news" (letters, digits, . _ - only; never empty). */
export function usernameFromEmail(email: string): string {
  const local = email.split("@")[0].toLowerCase();
  const cleaned = local.replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").replace(/-+$/, "").slice(0, 60);
  return cleaned || "user";
}

/**
 * The username derived from the email local part. On a collision a number is appended: alice, alice2, alice3 …
 * (documented behaviour; an explicitly chosen username that is taken is a 409 instead).
 */
export async function availableUsername(tx: Executor, base: string): Promise<string> {
  const taken = await tx
    .select({ username: sql<string>`lower(${users.username})` })
    .from(users)
    .where(sql`lower(${users.username}) = ${base} or lower(${users.username}) ~ ${`^${base.replace(/[.\\]/g, "\\$&")}[0-9]+$`}`);
  const names = new Set(taken.map((t) => t.username));
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}${n}`)) return `${base}${n}`;
}
