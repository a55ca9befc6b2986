"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useReauth } from "@/components/profile/reauth-provider";
import { formatDateTime } from "@/components/profile/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { OwnFaceView } from "@/lib/mfa/face-schema";
import { FaceCapture } from "./face-capture";


type Props = {
  face: OwnFaceView;
  enroll: (input: { consent: true; frames: string[] }) => Promise<ActionResult<{ templates: number }>>;
  remove: (input: Record<string, never>) => Promise<ActionResult<{ removed: number }>>;
};

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600";

function WhatIsStored() {
  return (
    <div className="space-y-2 text-sm text-zinc-700">
      <p>
        <strong className="font-semibold text-zinc-900">What is kept:</strong> up to 5 face templates (lists of numbers the face model computes from
        your pictures), encrypted and tagged with the model version. The pictures themselves are checked on the server and discarded: no image of you
        is stored. You can delete the templates at any time; an administrator resetting your MFA deletes them too.
      </p>
      <p>
        <strong className="font-semibold text-zinc-900">Its limits:</strong> a good photo or video of you may fool it, so it never replaces your other
        second factor, which you can always use instead. A passkey is the stronger choice.
      </p>
    </div>
  );
}

/** Profile → Security → Facial recognition: consent and capture, re-enroll, delete. */
export function FaceProfile({ face, enroll, remove }: Props) {
  const withReauth = useReauth();
  const router = useRouter();
  const { toast } = useToast();
  const consentId = useId();
  const [consent, setConsent] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);

  async function saveFrames(frames: string[]): Promise<string | null> {
    const result = await withReauth(() => enroll({ consent: true, frames }));
    if (!result.ok) return result.fieldErrors?.frames?.[0] ?? result.fieldErrors?.consent?.[0] ?? result.message;
    toast({ tone: "success", title: face.enrolled ? "Face templates replaced" : "Facial recognition set up", description: `${result.data.templates} encrypted face templates saved. No picture was kept.` });
    setCapturing(false);
    setConsent(false);
    router.refresh();
    return null;
  }

  async function deleteTemplates() {
    setConfirmDelete(false); // the "confirm it's you" dialog may come next
    setBusy(true);
    const result = await withReauth(() => remove({}));
    setBusy(false);
    if (!result.ok) return toast({ tone: "error", title: "Face templates not deleted", description: result.message });
    toast({ tone: "success", title: "Facial recognition removed", description: "Your face templates are deleted." });
    router.refresh();
  }

  const canEnroll = face.available && !face.needs_other_method;
  const enrollForm = (
    <div className="space-y-4 rounded-md border border-zinc-200 p-4">
      <div className="flex items-start gap-2 text-sm">
        <input id={consentId} type="checkbox" required checked={consent} onChange={(e) => setConsent(e.target.checked)} className="mt-1 accent-indigo-600" />
        <label htmlFor={consentId} className="text-zinc-800">
          I agree that Gatehouse computes encrypted face templates from pictures taken by my camera now, and keeps them to confirm it&apos;s me at
          sign-in until I delete them.
        </label>
      </div>
      <p className="text-sm text-zinc-600">Face the camera in good light, on your own, and hold still for about two seconds.</p>
      <FaceCapture actionLabel={face.enrolled ? "Capture and replace" : "Capture and save"} onFrames={saveFrames} blockedReason={consent ? null : "Tick the consent box first."} />
      {face.enrolled ? (
        <Button variant="ghost" size="sm" onClick={() => setCapturing(false)}>
          Cancel
        </Button>
      ) : null}
    </div>
  );

  return (
    <div className="space-y-4">
      <WhatIsStored />
      {!face.available ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {face.reason ?? "Facial recognition is not enabled by your administrator, so you cannot set it up."}
          {face.enrolled ? " Your saved templates are not used at sign-in while this is so; you can still delete them." : null}
        </p>
      ) : face.needs_other_method && !face.enrolled ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Add another method first: facial recognition never stands alone, so set up an authenticator app, a passkey or a code by text or email
          before this one.{" "}
          <Link href="/profile/security" className={linkClass}>
            Back to Security
          </Link>
        </p>
      ) : null}
      {face.enrolled ? (
        <div className="space-y-3">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={face.available && !face.needs_other_method ? "green" : "amber"}>{face.available && !face.needs_other_method ? "Active" : "Not used"}</Badge>
            <span>
              {face.templates} face template{face.templates === 1 ? "" : "s"}
              {face.enrolled_at ? `, saved ${formatDateTime(face.enrolled_at)}` : ""}
              {face.model ? ` (model ${face.model})` : ""}.
            </span>
          </p>
          {face.needs_other_method ? <p className="text-sm text-amber-800">It is not offered at sign-in until you have another second factor.</p> : null}
          {capturing ? (
            enrollForm
          ) : (
            <div className="flex flex-wrap gap-2">
              {canEnroll ? (
                <Button variant="secondary" onClick={() => setCapturing(true)} disabled={busy}>
                  Re-enroll
                </Button>
              ) : null}
              <Button variant="danger" onClick={() => setConfirmDelete(true)} loading={busy}>
                Delete
              </Button>
            </div>
          )}
        </div>
      ) : canEnroll ? (
        enrollForm
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        tone="danger"
        title="Delete your face templates?"
        description="Facial recognition stops working for your account right away. You can set it up again later."
        confirmLabel="Delete"
        onConfirm={deleteTemplates}
        onCancel={() => setConfirmDelete(false)}
      />
    </div>
  );
}
