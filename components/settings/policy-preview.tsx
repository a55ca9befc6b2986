"use client";

import { useState } from "react";
import { PasswordChecklist } from "@/components/passwords/password-checklist";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { PasswordPolicy } from "@/lib/settings/schema";

/** Try a password against the saved policy (nothing is sent to the server). */
export function PolicyPreview({ policy }: { policy: PasswordPolicy }) {
  const [password, setPassword] = useState("");
  return (
    <Card>
      <CardHeader title="Try the policy" description="See which of the saved rules a password meets. Nothing you type here is sent or stored." />
      <CardBody className="space-y-3">
        <FormField label="Sample password" htmlFor="policy-preview">
          <Input id="policy-preview" type="text" autoComplete="off" spellCheck={false} value={password} aria-describedby="policy-preview-rules" onChange={(e) => setPassword(e.target.value)} />
        </FormField>
        <PasswordChecklist id="policy-preview-rules" password={password} policy={policy} history={false} />
      </CardBody>
    </Card>
  );
}
