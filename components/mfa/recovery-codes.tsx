"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

type Props = {
  codes: string[];
  /** "I have saved them": the codes are gone from the screen for good afterwards. */
  onAcknowledge: () => void;
  acknowledgeLabel?: string;
  busy?: boolean;
};

const FILE_NAME = "gatehouse-recovery-codes.txt";

/** Recovery codes, shown once: list, copy, download as .txt, then an explicit acknowledgement. */
export function RecoveryCodes({ codes, onAcknowledge, acknowledgeLabel = "I have saved them", busy = false }: Props) {
  const { toast } = useToast();
  const headingId = useId();
  const text = `Gatehouse recovery codes (each works once)\n\n${codes.join("\n")}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      toast({ title: "Recovery codes copied", tone: "success" });
    } catch {
      toast({ title: "Could not copy", description: "Select the codes and copy them yourself, or download them.", tone: "error" });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: FILE_NAME });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <h3 id={headingId} className="text-base font-semibold text-zinc-900">
          Save your recovery codes
        </h3>
        <p className="mt-1 text-sm text-zinc-600">
          If you lose your device, each of these codes signs you in once instead of a second factor. Keep them somewhere safe, such as a
          password manager. <strong className="font-medium text-zinc-800">They will not be shown again.</strong>
        </p>
      </div>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 font-mono text-sm text-zinc-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
        <Button variant="secondary" onClick={download}>
          Download .txt
        </Button>
        <Button className="ml-auto" onClick={onAcknowledge} loading={busy}>
          {acknowledgeLabel}
        </Button>
      </div>
    </section>
  );
}
