"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "info";
export type ToastOptions = { title: string; description?: string; tone?: ToastTone };
export type ToastContextValue = { toast: (opts: ToastOptions) => void };

type ToastItem = Required<Pick<ToastOptions, "title" | "tone">> & { id: number; description?: string };

const AUTO_DISMISS_MS = 5000;
const ToastContext = createContext<ToastContextValue | null>(null);

const toneStyles: Record<ToastTone, { bar: string; title: string }> = {
  success: { bar: "bg-green-500", title: "text-green-800" },
  error: { bar: "bg-red-500", title: "text-red-800" },
  info: { bar: "bg-indigo-500", title: "text-zinc-900" },
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback((opts: ToastOptions) => {
    const id = ++nextId.current;
    setToasts((list) => [
      ...list.slice(-4),
      { id, title: opts.title, description: opts.description, tone: opts.tone ?? "info" },
    ]);
  }, []);

  const value = useMemo<ToastContextValue>(() => ({ toast }), [toast]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="false"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-full max-w-sm flex-col gap-2"
      >
        {toasts.map((t) => (
          <ToastCard key={t.id} item={t} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastCard({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(item.id), AUTO_DISMISS_MS);
    return () => window.clearTimeout(timer);
  }, [paused, item.id, onDismiss]);

  const tone = toneStyles[item.tone];
  return (
    <div
      data-tone={item.tone}
      className="pointer-events-auto flex overflow-hidden rounded-md border border-zinc-200 bg-white text-sm shadow-lg"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div aria-hidden="true" className={cn("w-1 shrink-0", tone.bar)} />
      <div className="min-w-0 flex-1 px-4 py-3">
        <p className={cn("font-medium", tone.title)}>{item.title}</p>
        {item.description ? <p className="mt-0.5 text-zinc-600">{item.description}</p> : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onDismiss(item.id)}
        className="m-2 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </div>
  );
}

export function useToast(): ToastContextValue {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast() must be used inside <ToastProvider>.");
  return ctx;
}
