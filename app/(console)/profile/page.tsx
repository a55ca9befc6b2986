import type { Metadata } from "next";
import { UserAttributesForm } from "@/components/attributes/user-attributes-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { listOwnAttributes } from "@/lib/profile/attributes";
import { getOwnProfile } from "@/lib/profile/profile";
import { saveOwnAttributesAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requireActor();
  const [profile, attributes] = await Promise.all([getOwnProfile(actor), listOwnAttributes(actor)]);
  return (
    <div className="space-y-6">
      <Card aria-labelledby="profile-details">
        <CardHeader id="profile-details" title="Details" description={`Username ${profile.username} cannot be changed.`} />
        <CardBody>
          <ProfileForm profile={profile} save={updateProfileAction} />
        </CardBody>
      </Card>
      {attributes.length ? (
        <Card aria-labelledby="profile-attributes">
          <CardHeader id="profile-attributes" title="More about you" description="Attributes your administrators let you keep up to date." />
          <CardBody>
            <UserAttributesForm userId={profile.id} attributes={attributes} save={saveOwnAttributesAction} mode="self" />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
