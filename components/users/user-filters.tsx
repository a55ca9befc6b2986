import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

export type UserFilterValues = { q?: string; status?: string; type?: string; is_admin?: string; auth_source?: string };

/** Search and filters as a plain GET form: works without JavaScript, and the URL keeps the state. */
export function UserFilters({ values }: { values: UserFilterValues }) {
  const filtered = Object.values(values).some(Boolean);
  return (
    <form role="search" method="get" className="flex flex-wrap items-end gap-2">
      <div className="min-w-56 flex-1">
        <label htmlFor="user-search" className="sr-only">
          Search users
        </label>
        <Input id="user-search" name="q" type="search" defaultValue={values.q} placeholder="Search name, username or email" />
      </div>
      <label className="sr-only" htmlFor="filter-status">
        Status
      </label>
      <Select id="filter-status" name="status" defaultValue={values.status ?? ""} className="w-36">
        <option value="">Any status</option>
        <option value="active">Active</option>
        <option value="inactive">Inactive</option>
        <option value="expired">Expired</option>
      </Select>
      <label className="sr-only" htmlFor="filter-type">
        Type
      </label>
      <Select id="filter-type" name="type" defaultValue={values.type ?? ""} className="w-44">
        <option value="">People and services</option>
        <option value="person">People</option>
        <option value="service">Service accounts</option>
      </Select>
      <label className="sr-only" htmlFor="filter-admin">
        Super-admin
      </label>
      <Select id="filter-admin" name="is_admin" defaultValue={values.is_admin ?? ""} className="w-40">
        <option value="">Any role</option>
        <option value="true">Super-admins</option>
      </Select>
      <label className="sr-only" htmlFor="filter-source">
        Source
      </label>
      <Input id="filter-source" name="auth_source" defaultValue={values.auth_source} placeholder="Source (e.g. internal)" className="w-44" />
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered ? (
        <ButtonLink href="?" variant="ghost">
          Clear
        </ButtonLink>
      ) : null}
    </form>
  );
}
