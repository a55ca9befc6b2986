"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { Input } from "@/components/ui/input";

const TokenContext = createContext("");
export const useBearerToken = () => useContext(TokenContext);

/** The token "Try it" sends, kept in memory only (never stored, never put in a URL). */
export function BearerTokenProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState("");
  return (
    <TokenContext.Provider value={token.trim()}>
      <div className="sticky top-0 z-10 border-b border-zinc-200 bg-white/95 px-6 py-3 backdrop-blur">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3">
          <label htmlFor="docs-bearer" className="text-sm font-medium text-zinc-800">
            Bearer token
          </label>
          <Input
            id="docs-bearer"
            type="password"
            autoComplete="off"
            className="max-w-md font-mono"
            placeholder="gth_pat_… or a JWT (empty: your signed-in session)"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </div>
      </div>
      {children}
    </TokenContext.Provider>
  );
}
