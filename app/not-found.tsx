import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-md text-sm text-zinc-600">The page you are looking for does not exist or has moved.</p>
      <ButtonLink href="/" variant="secondary">
        Back to Gatehouse
      </ButtonLink>
    </main>
  );
}
