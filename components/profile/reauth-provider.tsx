"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { isReauthRequired } from "@/lib/profile/schema";
import { ReauthDialog, type ReauthenticateAction } from "./reauth-dialog";

type WithReauth = <T>(run: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;

const ReauthContext = createContext<WithReauth | null>(null);

/**
 * Runs a sensitive server action; when it answers "re-authentication required", asks for the password and runs
 * it once more. Cancelling resolves with the original refusal.
 */
export function ReauthProvider({ canUsePassword, reauthenticate, children }: { canUsePassword: boolean; reauthenticate: ReauthenticateAction; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pending = useRef<((confirmed: boolean) => void) | null>(null);

  const withReauth = useCallback<WithReauth>(async (run) => {
    const first = await run();
    if (!isReauthRequired(first)) return first;
    const confirmed = await new Promise<boolean>((resolve) => {
      pending.current = resolve;
      setOpen(true);
    });
    return confirmed ? run() : first;
  }, []);

  const onDone = useCallback((confirmed: boolean) => {
    setOpen(false);
    pending.current?.(confirmed);
    pending.current = null;
  }, []);

  const value = useMemo(() => withReauth, [withReauth]);
  return (
    <ReauthContext.Provider value={value}>
      {children}
      <ReauthDialog open={open} canUsePassword={canUsePassword} reauthenticate={reauthenticate} onDone={onDone} />
    </ReauthContext.Provider>
  );
}

export function useReauth(): WithReauth {
  const ctx = useContext(ReauthContext);
  if (!ctx) throw new Error("useReauth() must be used inside <ReauthProvider>.");
  return ctx;
}
