"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/action";

export type PickerItem = { id: string; label: string; detail?: string };

type Props = {
  /** Visible label of the search box, e.g. "Find users". */
  label: string;
  placeholder?: string;
  /** Server search (a server action); results exclude what is already chosen. */
  search: (q: string) => Promise<ActionResult<PickerItem[]>>;
  addLabel: string;
  onAdd: (ids: string[]) => Promise<boolean>;
};

/** Search-as-you-type multi-picker: results as checkboxes, one button adds the selection. */
export function ItemPicker({ label, placeholder, search, addLabel, onAdd }: Props) {
  const id = useId();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<PickerItem[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(async () => {
      setLoading(true);
      const result = await search(q);
      if (!live) return;
      setLoading(false);
      setError(result.ok ? null : result.message);
      setItems(result.ok ? result.data : []);
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, search, version]);

  function toggle(itemId: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(itemId);
      else next.delete(itemId);
      return next;
    });
  }

  async function add() {
    setAdding(true);
    const done = await onAdd([...selected]);
    setAdding(false);
    if (done) {
      setSelected(new Set());
      setVersion((v) => v + 1);
    }
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium text-zinc-800">
          {label}
        </label>
        <Input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={placeholder} autoComplete="off" />
      </div>
      <fieldset aria-busy={loading || undefined} className="space-y-2">
        <legend className="sr-only">Results</legend>
        <div role="status" aria-live="polite" className="text-xs text-zinc-500">
          {loading ? (
            <span className="inline-flex items-center gap-2">
              <Spinner className="h-3.5 w-3.5" /> Searching…
            </span>
          ) : error ? (
            <span className="text-red-600">{error}</span>
          ) : items.length === 0 ? (
            "No matches."
          ) : (
            `${items.length} match${items.length === 1 ? "" : "es"}.`
          )}
        </div>
        <ul className="max-h-64 space-y-1.5 overflow-y-auto">
          {items.map((item) => (
            <li key={item.id}>
              <Checkbox id={`${id}-${item.id}`} label={item.label} description={item.detail} checked={selected.has(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
            </li>
          ))}
        </ul>
      </fieldset>
      <Button onClick={add} disabled={selected.size === 0} loading={adding}>
        {addLabel}
        {selected.size ? ` (${selected.size})` : ""}
      </Button>
    </div>
  );
}
