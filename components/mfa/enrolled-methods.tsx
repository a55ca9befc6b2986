import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { METHOD_LABELS, type MfaEnrollment, type MfaMethod } from "@/lib/mfa/types";

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric" }) : null);

/** A person's enrolled second factors (admin view): never a secret, only what and since when. */
export function EnrolledMethods({ methods, usable }: { methods: MfaEnrollment; usable: MfaMethod[] }) {
  const rows: { method: MfaMethod; detail: string }[] = [];
  if (methods.totp.enrolled) rows.push({ method: "totp", detail: `Since ${date(methods.totp.created_at)}` });
  if (methods.sms.enrolled) rows.push({ method: "sms", detail: methods.sms.target ?? "" });
  if (methods.email.enrolled) rows.push({ method: "email", detail: methods.email.target ?? "" });
  if (methods.face.enrolled) rows.push({ method: "face", detail: `${methods.face.templates} encrypted template${methods.face.templates === 1 ? "" : "s"}${methods.face.created_at ? ` · since ${date(methods.face.created_at)}` : ""}` });
  for (const p of methods.passkeys) rows.push({ method: "passkey", detail: `${p.name} · added ${date(p.created_at)}${p.last_used_at ? ` · last used ${date(p.last_used_at)}` : ""}` });

  if (!rows.length) return <EmptyState title="No second factor" description="This user has not set up any MFA method." />;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200">
        {rows.map((row, i) => (
          <li key={`${row.method}-${i}`} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <span>
              <span className="font-medium text-zinc-900">{METHOD_LABELS[row.method]}</span>
              <span className="ml-2 text-zinc-600">{row.detail}</span>
            </span>
            {usable.includes(row.method) ? (
              <Badge tone="green">Usable</Badge>
            ) : row.method === "face" && !usable.length ? (
              // Facial recognition never stands alone: it is offered only next to another usable method.
              <Badge tone="amber">Needs another method</Badge>
            ) : (
              <Badge tone="amber">Backend disabled</Badge>
            )}
          </li>
        ))}
      </ul>
      <p className="text-sm text-zinc-600">
        Recovery codes: {methods.recovery_codes.remaining} of {methods.recovery_codes.total} left.
      </p>
    </div>
  );
}
