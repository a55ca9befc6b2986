import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConsoleSmsProvider } from "./console";
import { getSmsProvider } from "./index";
import { SmsDeliveryError, type SmsMessage } from "./provider";
import { TwilioSmsProvider } from "./twilio";
import { verifyWebhookSignature, WebhookSmsProvider } from "./webhook";

type Received = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
type Server = { url: string; received: Received[]; close: () => Promise<void> };

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1:0 that records every request and answers with `respond`. */
async function listen(respond: (req: Received, res: ServerResponse) => void): Promise<Server> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const record = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(record);
      respond(record, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const entry = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  servers.push(entry);
  return entry;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const SECRET = "webhook-secret-0123456789abcdef";
const MESSAGE: SmsMessage = { to: "+14155550123", text: "Your Gatehouse code is 402917.", purpose: "mfa" };
const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as SmsDeliveryError);

describe("WebhookSmsProvider", () => {
  it("POSTs the message as JSON, signed over timestamp + raw body, and reports the gateway's message id", async () => {
    const gateway = await listen((_req, res) => json(res, 202, { id: "gw-4711" }));
    const now = new Date("2026-11-23T10:00:00Z");
    const sent = await new WebhookSmsProvider({ url: `${gateway.url}/sms`, secret: SECRET, now: () => now }).send(MESSAGE);
    expect(sent).toEqual({ providerMessageId: "gw-4711" });

    const [req] = gateway.received;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/sms");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["x-gatehouse-timestamp"]).toBe(String(now.getTime() / 1000));
    // An independent HMAC over the exact bytes received.
    const expected = createHmac("sha256", SECRET).update(`${now.getTime() / 1000}.${req.body}`).digest("hex");
    expect(req.headers["x-gatehouse-signature"]).toBe(`sha256=${expected}`);
    expect(JSON.parse(req.body)).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), to: MESSAGE.to, text: MESSAGE.text, purpose: "mfa", created_at: now.toISOString() });
  });

  it("reports its own message id when the gateway answers without one", async () => {
    const gateway = await listen((_req, res) => res.writeHead(204).end());
    const sent = await new WebhookSmsProvider({ url: gateway.url, secret: SECRET }).send(MESSAGE);
    expect(sent.providerMessageId).toBe(JSON.parse(gateway.received[0].body).id);
  });

  it("lets a receiver verify the signature and refuse tampering, another secret and stale or future timestamps", async () => {
    const gateway = await listen((_req, res) => json(res, 200, {}));
    const now = new Date();
    await new WebhookSmsProvider({ url: gateway.url, secret: SECRET, now: () => now }).send(MESSAGE);
    const { body: rawBody, headers } = gateway.received[0];
    const signed = { secret: SECRET, rawBody, timestamp: headers["x-gatehouse-timestamp"] as string, signature: headers["x-gatehouse-signature"] as string, now };
    expect(verifyWebhookSignature(signed)).toBe(true);
    expect(verifyWebhookSignature({ ...signed, rawBody: rawBody.replace("402917", "000000") })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, secret: "another-secret-0123456789abcdef" })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, timestamp: String(Number(signed.timestamp) - 1) })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, now: new Date(now.getTime() + 301_000) })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, now: new Date(now.getTime() - 301_000) })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, signature: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, timestamp: null })).toBe(false);
  });

  it("turns a non-2xx answer into an error that carries the status but never the text", async () => {
    const gateway = await listen((_req, res) => json(res, 503, { error: "down" }));
    const error = await failure(new WebhookSmsProvider({ url: gateway.url, secret: SECRET }).send(MESSAGE));
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/HTTP 503/);
    expect(error.message).not.toContain("402917");
  });

  it("refuses to follow a redirect (the code would go wherever it points)", async () => {
    const elsewhere = await listen((_req, res) => json(res, 200, { id: "elsewhere" }));
    const gateway = await listen((_req, res) => res.writeHead(307, { Location: elsewhere.url }).end());
    const error = await failure(new WebhookSmsProvider({ url: gateway.url, secret: SECRET }).send(MESSAGE));
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.message).toMatch(/request failed: .*redirect/);
    expect(elsewhere.received).toHaveLength(0);
  });

  it("gives up after the timeout when the gateway does not answer", async () => {
    const gateway = await listen(() => {}); // never answers
    const started = Date.now();
    const error = await failure(new WebhookSmsProvider({ url: gateway.url, secret: SECRET, timeoutMs: 300 }).send(MESSAGE));
    expect(error.message).toMatch(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a refused connection", async () => {
    const gateway = await listen(() => {});
    await gateway.close();
    servers.splice(servers.indexOf(gateway), 1);
    const error = await failure(new WebhookSmsProvider({ url: gateway.url, secret: SECRET }).send(MESSAGE));
    expect(error.message).toMatch(/request failed: .*ECONNREFUSED/);
  });
});

describe("TwilioSmsProvider", () => {
  const options = { accountSid: "AC_test", authToken: "tok", from: "+15005550006" };

  it("POSTs To/From/Body form-encoded to the Messages resource with Basic auth and returns the sid", async () => {
    const api = await listen((_req, res) => json(res, 201, { sid: "SM0123456789abcdef", status: "queued" }));
    const sent = await new TwilioSmsProvider({ ...options, baseUrl: `${api.url}/` }).send(MESSAGE);
    expect(sent).toEqual({ providerMessageId: "SM0123456789abcdef" });

    const [req] = api.received;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/2010-04-01/Accounts/AC_test/Messages.json");
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from("AC_test:tok").toString("base64")}`);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ To: "+14155550123", From: "+15005550006", Body: MESSAGE.text });
  });

  it("sends through a Messaging Service when the sender is an MG… SID", async () => {
    const api = await listen((_req, res) => json(res, 201, { sid: "SM1" }));
    const service = `MG${"a".repeat(32)}`;
    await new TwilioSmsProvider({ ...options, from: service, baseUrl: api.url }).send(MESSAGE);
    const form = new URLSearchParams(api.received[0].body);
    expect(form.get("MessagingServiceSid")).toBe(service);
    expect(form.has("From")).toBe(false);
  });

  it("reports Twilio's error code and message, never the text", async () => {
    const api = await listen((_req, res) => json(res, 400, { code: 21211, message: "The 'To' number +14155550123 is not a valid phone number.", status: 400 }));
    const error = await failure(new TwilioSmsProvider({ ...options, baseUrl: api.url }).send(MESSAGE));
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/HTTP 400 \(Twilio error 21211: The 'To' number/);
    expect(error.message).not.toContain("402917");
  });

  it("refuses a 2xx answer without a message sid, and wrong credentials (401)", async () => {
    const noSid = await listen((_req, res) => json(res, 200, { ok: true }));
    await expect(new TwilioSmsProvider({ ...options, baseUrl: noSid.url }).send(MESSAGE)).rejects.toThrow(/no sid/);
    const denied = await listen((_req, res) => json(res, 401, { code: 20003, message: "Authenticate" }));
    await expect(new TwilioSmsProvider({ ...options, baseUrl: denied.url }).send(MESSAGE)).rejects.toThrow(/HTTP 401 \(Twilio error 20003/);
  });
});

describe("ConsoleSmsProvider", () => {
  it("logs the recipient and the text instead of sending", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    expect(await new ConsoleSmsProvider().send(MESSAGE)).toEqual({});
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toContain(`SMS to +14155550123: ${MESSAGE.text}`);
  });
});

describe("getSmsProvider", () => {
  const base = { SMS_PROVIDER: "console", SMS_TWILIO_BASE_URL: "https://api.twilio.com" } as const;

  it("defaults to the console sink and ignores the settings of unused providers", () => {
    expect(getSmsProvider().id).toBe("console");
    expect(getSmsProvider({ ...base, SMS_WEBHOOK_URL: undefined }).id).toBe("console");
  });

  it("names every missing setting of the chosen provider", () => {
    expect(() => getSmsProvider({ ...base, SMS_PROVIDER: "webhook" })).toThrow("SMS_PROVIDER=webhook needs SMS_WEBHOOK_URL, SMS_WEBHOOK_SECRET to be set.");
    expect(() => getSmsProvider({ ...base, SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: "http://127.0.0.1:1/" })).toThrow("needs SMS_WEBHOOK_SECRET to be set");
    expect(() => getSmsProvider({ ...base, SMS_PROVIDER: "twilio", SMS_TWILIO_ACCOUNT_SID: "AC1" })).toThrow(
      "SMS_PROVIDER=twilio needs SMS_TWILIO_AUTH_TOKEN, SMS_TWILIO_FROM to be set.",
    );
  });

  it("refuses malformed settings of the chosen provider only", () => {
    const webhook = { ...base, SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: "http://127.0.0.1:1/sms", SMS_WEBHOOK_SECRET: SECRET } as const;
    expect(getSmsProvider(webhook).id).toBe("webhook");
    expect(() => getSmsProvider({ ...webhook, SMS_WEBHOOK_URL: "not a url" })).toThrow("SMS_WEBHOOK_URL must be an http(s) URL.");
    expect(() => getSmsProvider({ ...webhook, SMS_WEBHOOK_URL: "file:///etc/passwd" })).toThrow("SMS_WEBHOOK_URL must be an http(s) URL.");
    expect(() => getSmsProvider({ ...webhook, SMS_WEBHOOK_SECRET: "short" })).toThrow("SMS_WEBHOOK_SECRET must be at least 16 characters.");
    const twilio = { ...base, SMS_PROVIDER: "twilio", SMS_TWILIO_ACCOUNT_SID: "AC1", SMS_TWILIO_AUTH_TOKEN: "t", SMS_TWILIO_FROM: "+15005550006" } as const;
    expect(() => getSmsProvider({ ...twilio, SMS_TWILIO_BASE_URL: "api.twilio.com" })).toThrow("SMS_TWILIO_BASE_URL must be an http(s) URL.");
    // A broken webhook setting does not matter while another provider is chosen.
    expect(getSmsProvider({ ...twilio, SMS_WEBHOOK_URL: "not a url", SMS_WEBHOOK_SECRET: "short" }).id).toBe("twilio");
    expect(getSmsProvider({ ...base, SMS_WEBHOOK_URL: "not a url", SMS_TWILIO_BASE_URL: "nope" }).id).toBe("console");
  });

  it("builds the configured provider, and it sends to the configured endpoint", async () => {
    const api = await listen((_req, res) => json(res, 201, { sid: "SM9" }));
    const twilio = getSmsProvider({ ...base, SMS_PROVIDER: "twilio", SMS_TWILIO_ACCOUNT_SID: "AC9", SMS_TWILIO_AUTH_TOKEN: "t", SMS_TWILIO_FROM: "+15005550006", SMS_TWILIO_BASE_URL: api.url });
    expect(twilio.id).toBe("twilio");
    expect(await twilio.send(MESSAGE)).toEqual({ providerMessageId: "SM9" });
    expect(api.received[0].url).toBe("/2010-04-01/Accounts/AC9/Messages.json");
    const gateway = await listen((_req, res) => json(res, 200, { id: "w1" }));
    const webhook = getSmsProvider({ ...base, SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: gateway.url, SMS_WEBHOOK_SECRET: SECRET });
    expect(await webhook.send(MESSAGE)).toEqual({ providerMessageId: "w1" });
  });
});
