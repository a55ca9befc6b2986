import type { Metadata } from "next";
import { UserOverview } from "@/components/users/user-overview";
import { requireActor } from "@/lib/auth/current";
import { loadUserForPage } from "./load";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await loadUserForPage(await requireActor(), id);
  return <UserOverview user={user} />;
}
