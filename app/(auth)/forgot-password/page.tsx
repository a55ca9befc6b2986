import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card, CardBody } from "@/components/ui/card";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <Card>
      <CardBody className="space-y-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Forgot your password?</h1>
          <p className="mt-1 text-sm text-zinc-600">Enter the email address of your account. We will send you a link to choose a new password.</p>
        </div>
        <ForgotPasswordForm action={forgotPasswordAction} />
      </CardBody>
    </Card>
  );
}
