"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

/** The new token, shown this once, with a copy button. */
export function TokenSecret({ token, onDone }: { token: string; onDone: () => void }) {
  const { toast } = useToast();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast({ title: "Token copied", tone: "success" });
    } catch {
      toast({ title: "Could not copy", description: "Select the token and copy it by hand.", tone: "error" });
    }
  }

  return (
    <div className="space-y-4">
      <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-600/20">
        Copy the token now. It is shown only once: Gatehouse keeps just a fingerprint of it.
      </p>
      <div className="flex gap-2">
        <label htmlFor="new-token-value" className="sr-only">
          New token
        </label>
        <Input id="new-token-value" readOnly value={token} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-zinc-500">
        Send it as <code className="rounded bg-zinc-100 px-1">Authorization: Bearer …</code>. Never put it in a URL.
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
