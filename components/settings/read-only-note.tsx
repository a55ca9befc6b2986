/** Shown to actors who may view settings but not change them. */
export function ReadOnlyNote() {
  return (
    <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      You can view these settings but not change them: that needs the <span className="font-medium">Change settings</span> (settings.manage) permission.
    </p>
  );
}
