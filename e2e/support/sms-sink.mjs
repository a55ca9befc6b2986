// A real HTTP endpoint on 127.0.0.1 for the app's webhook SMS provider (SMS_PROVIDER=webhook): it checks the
// X-Gatehouse-Signature over "<timestamp>.<raw body>" with the shared secret, refuses stale timestamps, and stores
// every accepted text as JSON in SMS_DIR, so specs can read the codes the app sent.
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

const TOLERANCE_SECONDS = 300;

function signatureValid(secret, timestamp, signature, rawBody) {
  if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp) || typeof signature !== "string") return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function startSmsSink(dir, secret) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      if (req.method !== "POST") return res.writeHead(405).end();
      if (!signatureValid(secret, req.headers["x-gatehouse-timestamp"], req.headers["x-gatehouse-signature"], rawBody)) {
        console.error("[sms-sink] refused a request with a missing, stale or wrong signature");
        return res.writeHead(401).end();
      }
      let message;
      try {
        message = JSON.parse(rawBody);
      } catch {
        return res.writeHead(400).end();
      }
      const record = { id: message.id, to: message.to, text: message.text, purpose: message.purpose, at: Date.now() };
      writeFileSync(path.join(dir, `${Date.now()}-${String(++count).padStart(5, "0")}.json`), JSON.stringify(record));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `sink-${count}` }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/sms`, close: () => new Promise((resolve) => server.close(resolve)) };
}
