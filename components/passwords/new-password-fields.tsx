import type { UseFormRegisterReturn } from "react-hook-form";
import type { PasswordContext } from "@/lib/passwords/policy";
import type { PasswordPolicy } from "@/lib/settings/schema";
import { PasswordChecklist } from "./password-checklist";
import { PasswordInput } from "./password-input";

type Props = {
  newPassword: string;
  policy: PasswordPolicy;
  context: PasswordContext;
  errors: { new_password?: string; confirm_password?: string };
  registration: { newPassword: UseFormRegisterReturn; confirmPassword: UseFormRegisterReturn };
  autoFocus?: boolean;
};

/** New password + live rule checklist + confirmation, shared by the change and reset forms. */
export function NewPasswordFields({ newPassword, policy, context, errors, registration, autoFocus }: Props) {
  return (
    <>
      {/* Lets password managers store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={context.username ?? context.email ?? ""} readOnly hidden />
      <PasswordInput
        id="new_password"
        label="New password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        error={errors.new_password}
        describedBy="new_password-rules"
        registration={registration.newPassword}
      />
      <PasswordChecklist id="new_password-rules" password={newPassword} policy={policy} context={context} />
      <PasswordInput id="confirm_password" label="Confirm new password" autoComplete="new-password" error={errors.confirm_password} registration={registration.confirmPassword} />
    </>
  );
}
