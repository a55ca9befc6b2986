import type { ReactNode } from "react";
import { SidebarNav, type NavItem } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";

export type ShellUser = { name: string; username: string; email: string; isAdmin: boolean };

/** The signed-in frame: sidebar, header with the current user, and the page. */
export function ConsoleShell({ user, nav, orgSwitcher, children }: { user: ShellUser; nav: NavItem[]; orgSwitcher?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-zinc-200 bg-white px-3 py-4 md:block">
        <div className="mb-6 flex items-center gap-2 px-3">
          <span className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white" aria-hidden="true">
            G
          </span>
          <span className="text-sm font-semibold">Gatehouse</span>
        </div>
        <SidebarNav items={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-b border-zinc-200 bg-white px-4 md:px-6">
          <div className="md:hidden">
            <SidebarNav items={nav} />
          </div>
          {orgSwitcher ? <div className="hidden md:block">{orgSwitcher}</div> : null}
          <div className="ml-auto flex items-center gap-3">
            <div className="text-right leading-tight">
              <p className="text-sm font-medium" data-testid="current-user">
                {user.name}
              </p>
              <p className="text-xs text-zinc-500">
                {user.username}
                {user.isAdmin ? " · super-admin" : ""}
              </p>
            </div>
            <SignOutButton />
          </div>
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
