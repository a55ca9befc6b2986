import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A plain GET form: search works without JavaScript and the URL keeps the query. */
export function UserSearch({ q }: { q?: string }) {
  return (
    <form role="search" method="get" className="flex max-w-md gap-2">
      <label htmlFor="user-search" className="sr-only">
        Search users
      </label>
      <Input id="user-search" name="q" type="search" defaultValue={q} placeholder="Search name, username or email" />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
