import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { exportJWK, exportPKCS8, generateKeyPair, importJWK, importPKCS8, calculateJwkThumbprint, type JWK } from "jose";
import type { Executor } from "@/db/client";
import { signingKeys } from "@/db/schema";
import { audit } from "../audit/audit";
import { systemActor } from "../auth/actor";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { getDb } from "../db";
import { JWT_ALGORITHM, JWT_TTL_SECONDS } from "./schema";

const PURPOSE = "signing-key";
/** Arbitrary constant: instances creating or rotating the signing key do it one at a time. */
const SIGNING_KEY_LOCK = 7_243_007;
/** A retired key stays published this long: until the last token it signed has expired, plus clock skew. */
export const RETIRED_KEY_PUBLISHED_MS = (JWT_TTL_SECONDS + 60) * 1000;
/** Retired keys are deleted (by the next rotation) a day after they stop being published. */
const RETIRED_KEY_KEPT_MS = RETIRED_KEY_PUBLISHED_MS + 86_400_000;

type SigningKeyRow = typeof signingKeys.$inferSelect;
export type SigningKey = { kid: string; privateKey: CryptoKey };

const privateKeys = new Map<string, Promise<CryptoKey>>();
const publicKeys = new Map<string, Promise<CryptoKey>>();

async function createKey(tx: Executor): Promise<SigningKeyRow> {
  const { publicKey, privateKey } = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const [row] = await tx
    .insert(signingKeys)
    .values({ kid, algorithm: JWT_ALGORITHM, publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, privateKeyEncrypted: encryptSecret(await exportPKCS8(privateKey), PURPOSE) })
    .returning();
  return row;
}

const activeKeyQuery = (db: Executor) => db.select().from(signingKeys).where(isNull(signingKeys.retiredAt)).orderBy(desc(signingKeys.createdAt)).limit(1);

/** The key that signs new JWTs: the newest one not retired, created on first use. */
export async function activeSigningKey(): Promise<SigningKey> {
  const db = await getDb();
  let [row] = await activeKeyQuery(db);
  if (!row) {
    row = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SIGNING_KEY_LOCK})`);
      const [existing] = await activeKeyQuery(tx);
      return existing ?? (await createKey(tx));
    });
  }
  const { kid, privateKeyEncrypted } = row;
  if (!privateKeys.has(kid)) privateKeys.set(kid, importPKCS8(decryptSecret(privateKeyEncrypted, PURPOSE), JWT_ALGORITHM));
  return { kid, privateKey: await privateKeys.get(kid)! };
}

/**
 * `npm run keys:rotate`: retires the signing key and starts a new one. The retired public key stays in the JWKS
 * until every token it signed has expired (RETIRED_KEY_PUBLISHED_MS); keys retired long before are deleted.
 */
export async function rotateSigningKey(now = new Date()): Promise<{ kid: string; retired: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGNING_KEY_LOCK})`);
    const retired = await tx.update(signingKeys).set({ retiredAt: now }).where(isNull(signingKeys.retiredAt)).returning({ kid: signingKeys.kid });
    await tx.delete(signingKeys).where(lt(signingKeys.retiredAt, new Date(now.getTime() - RETIRED_KEY_KEPT_MS)));
    const row = await createKey(tx);
    await audit(tx, systemActor("cli"), "signing_key.rotate", { type: "signing_key", id: row.kid, label: row.kid }, null, {
      metadata: { retired: retired.map((r) => r.kid) },
    });
    return { kid: row.kid, retired: retired.map((r) => r.kid) };
  });
}

const isPublished = (now: Date) => or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS)));

/** The JWKS: the active key and every retired key whose tokens may still be valid. */
export async function publishedJwks(now = new Date()): Promise<{ keys: JWK[] }> {
  const db = await getDb();
  const rows = await db.select().from(signingKeys).where(isPublished(now)).orderBy(desc(signingKeys.createdAt));
  return { keys: rows.map((r) => ({ ...r.publicJwk, kid: r.kid, alg: r.algorithm, use: "sig" }) as JWK) };
}

/** The public key for a token's `kid`, only while that key is published. */
export async function verificationKey(kid: string, now = new Date()): Promise<CryptoKey | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.kid, kid), isPublished(now)));
  if (!row || row.algorithm !== JWT_ALGORITHM) return null;
  if (!publicKeys.has(kid)) publicKeys.set(kid, importJWK({ ...row.publicJwk, alg: JWT_ALGORITHM }, JWT_ALGORITHM) as Promise<CryptoKey>);
  return publicKeys.get(kid)!;
}
