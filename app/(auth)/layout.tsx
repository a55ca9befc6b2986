import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span className="inline-flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white" aria-hidden="true">
            G
          </span>
          <p className="mt-3 text-sm font-medium text-zinc-500">Gatehouse</p>
        </div>
        {children}
      </div>
    </main>
  );
}
