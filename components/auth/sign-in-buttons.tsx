"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SignInButton } from "@/lib/auth-sources/schema";

/** One button per enabled OIDC source; NextAuth takes the browser to the identity provider. */
export function SignInButtons({ buttons, callbackUrl }: { buttons: SignInButton[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  if (!buttons.length) return null;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-xs text-zinc-500" aria-hidden="true">
        <span className="h-px flex-1 bg-zinc-200" />
        or
        <span className="h-px flex-1 bg-zinc-200" />
      </div>
      <ul className="space-y-2">
        {buttons.map((button) => (
          <li key={button.slug}>
            <Button
              variant="secondary"
              className="w-full"
              loading={pending === button.slug}
              disabled={pending !== null}
              onClick={() => {
                setPending(button.slug);
                void signIn(button.slug, { callbackUrl });
              }}
            >
              {button.label}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
