import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { UserDto } from "@/lib/users/schema";

const MFA_LABELS = { disabled: "Disabled", enabled: "Enabled", force_enabled: "Force enabled" } as const;
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string | null, none = "—") => (iso ? `${dateTime.format(new Date(iso))} UTC` : none);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-2.5">
      <dt className="text-sm font-medium text-zinc-500">{label}</dt>
      <dd className="col-span-2 text-sm text-zinc-900 break-words">{children}</dd>
    </div>
  );
}

export function UserOverview({ user }: { user: UserDto }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader title="Profile" />
        <CardBody>
          <dl className="divide-y divide-zinc-100">
            <Row label="Name">{user.name}</Row>
            <Row label="Username">{user.username}</Row>
            <Row label="Email">{user.email}</Row>
            <Row label="First name">{user.first_name || "—"}</Row>
            <Row label="Last name">{user.last_name || "—"}</Row>
            <Row label="Phone">{user.phone ?? "—"}</Row>
            <Row label="Description">{user.description || "—"}</Row>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Account" />
        <CardBody>
          <dl className="divide-y divide-zinc-100">
            <Row label="Source">{user.auth_source}</Row>
            <Row label="Type">{user.is_service_account ? "Service account (tokens only)" : "Person"}</Row>
            <Row label="Active">{user.is_active ? "Yes" : "No"}</Row>
            <Row label="Super-admin">{user.is_admin ? "Yes" : "No"}</Row>
            <Row label="MFA policy">{MFA_LABELS[user.mfa_policy]}</Row>
            <Row label="Expires">{when(user.date_expired, "Never")}</Row>
            <Row label="Must change password">{user.must_change_password ? "Yes, at next sign-in" : "No"}</Row>
            <Row label="Last sign-in">{when(user.last_login_at, "Never")}</Row>
            <Row label="Created">{when(user.created_at)}</Row>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
