import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return (
    <section
      className={cn("rounded-md border border-zinc-200 bg-white shadow-sm", className)}
      {...props}
    />
  );
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Id for the heading, e.g. to use with aria-labelledby on the Card. */
  id?: string;
  className?: string;
};

export function CardHeader({ title, description, actions, id, className }: CardHeaderProps) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4",
        className,
      )}
    >
      <div className="min-w-0">
        <h2 id={id} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-zinc-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-5 py-4 text-sm text-zinc-700", className)} {...props} />;
}
