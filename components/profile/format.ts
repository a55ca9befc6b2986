/** Dates as the console shows them: absolute, in the reader's locale, with the UTC instant in `title`. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
