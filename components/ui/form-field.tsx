import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type FormFieldProps = {
  label: ReactNode;
  htmlFor: string;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

/** Ids for aria-describedby on the control: `${htmlFor}-hint` and `${htmlFor}-error`. */
export function fieldDescribedBy(htmlFor: string, opts: { hint?: boolean; error?: boolean }) {
  const ids = [opts.hint && `${htmlFor}-hint`, opts.error && `${htmlFor}-error`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FormField({
  label,
  htmlFor,
  error,
  hint,
  required = false,
  className,
  children,
}: FormFieldProps) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-zinc-800">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  label: ReactNode;
  description?: ReactNode;
};

export function Checkbox({ label, description, id, className, ...props }: CheckboxProps) {
  const descId = description && id ? `${id}-description` : undefined;
  return (
    <label htmlFor={id} className={cn("flex items-start gap-2.5 text-sm", className)}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={descId}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-zinc-300 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed"
        {...props}
      />
      <span>
        <span className="font-medium text-zinc-800">{label}</span>
        {description ? (
          <span id={descId} className="block text-xs text-zinc-500">
            {description}
          </span>
        ) : null}
      </span>
    </label>
  );
}
