import type { ComponentProps } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm " +
  "placeholder:text-zinc-400 " +
  "focus:border-indigo-600 focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600 " +
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:border-red-500 aria-invalid:text-red-900 aria-invalid:focus:border-red-600 aria-invalid:focus:outline-red-600";

export type InputProps = ComponentProps<"input">;

/** Native input. `ref` is forwarded as a regular prop (React 19). */
export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(control, "h-9 py-1.5", className)} {...props} />;
}

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(control, "py-2", className)} {...props} />;
}

export type SelectProps = ComponentProps<"select">;

export function Select({ className, children, ...props }: SelectProps) {
  return (
    <select className={cn(control, "h-9 py-1.5 pr-8", className)} {...props}>
      {children}
    </select>
  );
}
