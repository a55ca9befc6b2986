"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { useBearerToken } from "./bearer-token";

type Props = { method: string; path: string; pathParams: string[]; hasBody: boolean };
type Answer = { status: number; headers: string; body: string };

/** Sends the request from the browser: with the Bearer token given above, or else this browser's session. */
export function TryIt({ method, path, pathParams, hasBody }: Props) {
  const id = useId();
  const token = useBearerToken();
  const [params, setParams] = useState<Record<string, string>>({});
  const [query, setQuery] = useState("");
  const [body, setBody] = useState(hasBody ? "{\n  \n}" : "");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    const url = `/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))}${query ? `?${query.replace(/^\?/, "")}` : ""}`;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (hasBody && body.trim()) headers["content-type"] = "application/json";
    try {
      const res = await fetch(url, { method: method.toUpperCase(), headers, body: hasBody && body.trim() ? body : undefined, credentials: "same-origin" });
      const text = await res.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {}
      setAnswer({ status: res.status, headers: [...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n"), body: pretty });
    } catch (error) {
      setAnswer({ status: 0, headers: "", body: String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3 rounded-md bg-zinc-50 p-3">
      {pathParams.map((name) => (
        <div key={name} className="flex items-center gap-2">
          <label htmlFor={`${id}-${name}`} className="w-24 font-mono text-xs">
            {name}
          </label>
          <Input id={`${id}-${name}`} value={params[name] ?? ""} onChange={(e) => setParams({ ...params, [name]: e.target.value })} />
        </div>
      ))}
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-query`} className="w-24 text-xs">
          Query string
        </label>
        <Input id={`${id}-query`} placeholder="page=1&limit=20" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {hasBody ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-body`} className="text-xs">
            JSON body
          </label>
          <Textarea id={`${id}-body`} rows={5} className="font-mono text-xs" value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
      ) : null}
      <Button size="sm" onClick={send} loading={busy}>
        Send {method.toUpperCase()}
      </Button>
      {answer ? (
        <div className="space-y-1" aria-live="polite">
          <p className="text-xs font-semibold">Status {answer.status}</p>
          <pre className="max-h-32 overflow-auto rounded bg-white p-2 text-xs">{answer.headers}</pre>
          <pre className="max-h-80 overflow-auto rounded bg-white p-2 text-xs">{answer.body}</pre>
        </div>
      ) : null}
    </div>
  );
}
