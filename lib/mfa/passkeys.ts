import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { users, webauthnCredentials, type WebauthnCredentialRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden, notFound, parseInput } from "../errors";
import { getSettings } from "../settings/settings";
import { passkeyNameSchema, type PasskeyDto } from "./passkey-schema";
import { assertFactorRemovable, backendAllowed, isAdministrator } from "./policy";
import type { MfaSelf } from "./self";

export function toPasskeyDto(row: WebauthnCredentialRow): PasskeyDto {
  const deviceType = row.deviceType === "singleDevice" || row.deviceType === "multiDevice" ? row.deviceType : null;
  return {
    id: row.id,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    device_type: deviceType,
    backed_up: row.backedUp,
  };
}

export const userTarget = (user: MfaSelf["user"]) => ({ type: "user", id: user.id, label: user.username });

export async function listPasskeys(userId: string): Promise<PasskeyDto[]> {
  const db = await getDb();
  const rows = await db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).orderBy(asc(webauthnCredentials.createdAt), asc(webauthnCredentials.id));
  return rows.map(toPasskeyDto);
}

/** The profile page: the signed-in person's passkeys, and whether they may add one (the admin's backend switch). */
export async function ownPasskeys(actor: Actor): Promise<{ passkeys: PasskeyDto[]; can_add: boolean }> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in person has passkeys.");
  const db = await getDb();
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, { id: actor.userId, isAdmin: actor.isAdmin });
  return { passkeys: await listPasskeys(actor.userId), can_add: backendAllowed("passkey", mfa, administrator) };
}

/** Renames one of the person's own passkeys; someone else's is "not found" (its existence is never revealed). */
export async function renamePasskey(self: MfaSelf, id: string, name: string): Promise<PasskeyDto> {
  const newName = parseInput(passkeyNameSchema, name);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, self.user.id)))
      .for("update");
    if (!before) throw notFound("Passkey");
    const [after] = await tx.update(webauthnCredentials).set({ name: newName }).where(eq(webauthnCredentials.id, id)).returning();
    if (before.name !== newName) {
      await audit(tx, self.actor, "mfa.passkey.rename", userTarget(self.user), { name: { before: before.name, after: newName } }, {
        metadata: { credential_id: id, via: self.via },
      });
    }
    return toPasskeyDto(after);
  });
}

/**
 * Removes one of the person's own passkeys. The user row is locked first, so two concurrent removals cannot both
 * pass the "not the last required factor" check (409).
 */
export async function deletePasskey(self: MfaSelf, id: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, self.user.id)).for("update");
    const [row] = await tx
      .select()
      .from(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, self.user.id)));
    if (!row) throw notFound("Passkey");
    await assertFactorRemovable(tx, self.user, "passkey", id);
    await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.id, id));
    await audit(tx, self.actor, "mfa.passkey.remove", userTarget(self.user), null, {
      metadata: { credential_id: id, name: row.name, via: self.via },
    });
  });
}
