import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { personalAccessTokens, type PersonalAccessTokenRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { diffChanges } from "../audit/diff";
import { getDb } from "../db";
import { conflict, notFound, parseInput } from "../errors";
import { isUuid } from "../ids";
import { controlPlaneTokenMessage, loadTokenOwner, type TokenOwner } from "./access";
import { toTokenDto } from "./pat";
import { updateTokenSchema, type TokenDto, type UpdateTokenInput } from "./schema";

/**
 * One of the owner's tokens, locked for the transaction when asked. Unknown ids are 404; the control plane's
 * built-in token is 409 for every operation (it is neither viewed nor deleted through the console or the API).
 */
async function loadToken(db: Executor, { owner }: TokenOwner, tokenId: string, lock = false): Promise<PersonalAccessTokenRow> {
  if (!isUuid(tokenId)) throw notFound("Token");
  const query = db
    .select()
    .from(personalAccessTokens)
    .where(and(eq(personalAccessTokens.id, tokenId), eq(personalAccessTokens.userId, owner.id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Token");
  if (row.isBuiltin) throw conflict(controlPlaneTokenMessage());
  return row;
}

export async function getPersonalAccessToken(actor: Actor, userId: string, tokenId: string): Promise<TokenDto> {
  const db = await getDb();
  return toTokenDto(await loadToken(db, await loadTokenOwner(db, actor, userId), tokenId));
}

/** Renames a token. Nothing else about a token changes after it is issued: issue a new one instead. */
export async function renamePersonalAccessToken(actor: Actor, userId: string, tokenId: string, input: UpdateTokenInput): Promise<TokenDto> {
  const data = parseInput(updateTokenSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await loadTokenOwner(tx, actor, userId);
    const before = await loadToken(tx, target, tokenId, true);
    const [after] = await tx.update(personalAccessTokens).set({ name: data.name }).where(eq(personalAccessTokens.id, before.id)).returning();
    await audit(tx, actor, "token.update", { type: "user", id: target.owner.id, label: target.owner.username }, diffChanges({ name: before.name }, { name: after.name }), {
      metadata: { pat_id: before.id, prefix: before.prefix },
    });
    return toTokenDto(after);
  });
}

/** Revokes (deletes) a token: its next request, and every JWT exchanged for it, is refused. */
export async function deletePersonalAccessToken(actor: Actor, userId: string, tokenId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await loadTokenOwner(tx, actor, userId);
    const row = await loadToken(tx, target, tokenId, true);
    await tx.delete(personalAccessTokens).where(eq(personalAccessTokens.id, row.id));
    await audit(tx, actor, "token.revoke", { type: "user", id: target.owner.id, label: target.owner.username }, null, {
      metadata: { pat_id: row.id, name: row.name, prefix: row.prefix },
    });
  });
}
