import type { Metadata } from "next";
import Link from "next/link";
import { PasskeyManager } from "@/components/mfa/passkey-manager";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { ownPasskeys } from "@/lib/mfa/passkeys";
import { beginPasskeyRegistrationAction, deletePasskeyAction, finishPasskeyRegistrationAction, renamePasskeyAction } from "./actions";

export const metadata: Metadata = { title: "Passkeys" };

export default async function ProfilePasskeysPage() {
  const { passkeys, can_add } = await ownPasskeys(await requireActor());
  return (
    <div className="space-y-4">
      <Link href="/profile/security" className="text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
        ← Security
      </Link>
      <Card aria-labelledby="profile-passkeys">
        <CardHeader
          id="profile-passkeys"
          title="Passkeys"
          description="Sign in with your face, fingerprint, screen lock or a security key. A passkey counts as your second factor, and can sign you in without a password."
        />
        <CardBody>
          <PasskeyManager
            passkeys={passkeys}
            canAdd={can_add}
            begin={beginPasskeyRegistrationAction}
            finish={finishPasskeyRegistrationAction}
            rename={renamePasskeyAction}
            remove={deletePasskeyAction}
          />
        </CardBody>
      </Card>
    </div>
  );
}
