import type { Metadata } from "next";
import Link from "next/link";
import { FaceProfile } from "@/components/mfa/face-profile";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { getOwnFace } from "@/lib/mfa/face";
import { deleteFaceAction, enrollFaceAction } from "./actions";

export const metadata: Metadata = { title: "Facial recognition" };

export default async function ProfileFacePage() {
  const face = await getOwnFace(await requireActor());
  return (
    <div className="space-y-4">
      <Link href="/profile/security" className="inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <span aria-hidden="true">← </span>Back to Security
      </Link>
      <Card aria-labelledby="face-heading" className="max-w-2xl">
        <CardHeader id="face-heading" title="Facial recognition" description="Your camera confirms it's you at sign-in, as a convenience next to another second factor." />
        <CardBody className="space-y-4">
          <FaceProfile face={face} enroll={enrollFaceAction} remove={deleteFaceAction} />
        </CardBody>
      </Card>
    </div>
  );
}
