"use client";

import { useFormContext } from "react-hook-form";
import { Checkbox } from "@/components/ui/form-field";
import { groupByResource, permissionLabel } from "./format";
import type { TokenFormValues } from "./token-form-schema";

/** "All permissions" (no scopes), or a chosen subset of what the owner holds. */
export function ScopesField({ scopes, allAllowed }: { scopes: readonly string[]; allAllowed: boolean }) {
  const { register, watch, formState } = useFormContext<TokenFormValues>();
  const all = watch("all");
  const error = formState.errors.scopes?.message;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "token-scopes-error" : undefined}>
      <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
      <Checkbox
        id="token-all-scopes"
        label="All permissions of the owner"
        description={allAllowed ? "The token can do whatever its owner can, now and later." : "Not available: the owner holds permissions you do not."}
        disabled={!allAllowed}
        {...register("all")}
      />
      {!all ? (
        scopes.length === 0 ? (
          <p className="text-xs text-zinc-500">The owner holds no permissions a token could be scoped to.</p>
        ) : (
          <div className="max-h-64 space-y-3 overflow-y-auto rounded-md border border-zinc-200 p-3">
            {groupByResource(scopes).map(([resource, list]) => (
              <div key={resource} role="group" aria-label={resource} className="space-y-1.5">
                <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{resource}</p>
                {list.map((scope) => (
                  <Checkbox key={scope} id={`token-scope-${scope}`} value={scope} label={permissionLabel(scope)} description={scope} {...register("scopes")} />
                ))}
              </div>
            ))}
          </div>
        )
      ) : null}
      {error ? (
        <p id="token-scopes-error" role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
