/**
 * npm run keys:rotate — retires the JWT signing key and starts a new one. The retired public key stays in
 * /.well-known/jwks.json until every token it signed has expired (15 minutes and a minute of clock skew).
 */
import { closeDb } from "../db";
import { rotateSigningKey } from "../jwt/keys";
import { runCli } from "./args";

runCli(async () => {
  try {
    const { kid, retired } = await rotateSigningKey();
    console.log(`New signing key ${kid}.${retired.length ? ` Retired ${retired.join(", ")}; still published for verification until its tokens expire.` : ""}`);
  } finally {
    await closeDb();
  }
});
