import "server-only";
import { env } from "../env";

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

export const ok = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: JSON_HEADERS });

/** 201 with the new resource's absolute URL in Location. */
export const created = (data: unknown, path: string) =>
  new Response(JSON.stringify(data), { status: 201, headers: { ...JSON_HEADERS, location: new URL(path, env.APP_URL).toString() } });

export const noContent = () => new Response(null, { status: 204 });
