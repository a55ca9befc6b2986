import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A plain GET search form: works without JavaScript and keeps the query in the URL. */
export function SearchForm({ q, label, placeholder }: { q?: string; label: string; placeholder?: string }) {
  const id = `search-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <form role="search" method="get" className="flex max-w-md gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input id={id} name="q" type="search" defaultValue={q} placeholder={placeholder} />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
