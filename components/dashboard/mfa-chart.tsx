import type { MfaAdoption } from "@/lib/dashboard/schema";

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** MFA adoption among active people: one 100 % bar (with / without), the methods below (a person may have several). */
export function MfaChart({ mfa }: { mfa: MfaAdoption }) {
  const share = percent(mfa.with_mfa, mfa.people);
  const label = `${mfa.with_mfa} of ${mfa.people} active people (${share}%) have a second factor: ${mfa.totp} authenticator app, ${mfa.passkeys} passkey, ${mfa.sms} SMS, ${mfa.email} email code, ${mfa.face} facial recognition.`;
  return (
    <figure className="space-y-3">
      <p className="text-3xl font-semibold text-zinc-900 tabular-nums">
        {share}%<span className="ml-2 text-sm font-normal text-zinc-500">of active people use MFA</span>
      </p>
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label} className="h-3 w-full overflow-hidden rounded">
        <rect x="0" y="0" width="100" height="8" className="fill-zinc-200" />
        <rect x="0" y="0" width={share} height="8" className="fill-emerald-500" />
      </svg>
      <figcaption className="grid grid-cols-2 gap-x-4 gap-y-2 text-xs text-zinc-600">
        <span>
          <span className="block text-zinc-500">With MFA</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.with_mfa}</span>
        </span>
        <span>
          <span className="block text-zinc-500">Without</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.people - mfa.with_mfa}</span>
        </span>
        <span>
          <span className="block text-zinc-500">Authenticator app</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.totp}</span>
        </span>
        <span>
          <span className="block text-zinc-500">Passkeys</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.passkeys}</span>
        </span>
        <span>
          <span className="block text-zinc-500">SMS codes</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.sms}</span>
        </span>
        <span>
          <span className="block text-zinc-500">Email codes</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.email}</span>
        </span>
        <span>
          <span className="block text-zinc-500">Facial recognition</span>
          <span className="font-medium text-zinc-900 tabular-nums">{mfa.face}</span>
        </span>
      </figcaption>
    </figure>
  );
}
