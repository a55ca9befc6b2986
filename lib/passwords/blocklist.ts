import "server-only";
import { foldForComparison } from "./policy";

/** Words that are guessable here whatever list they are on: the service's own name. */
const CONTEXT_WORDS = ["gatehouse"];

/** Shorter entries are useless even as the base of a longer password ("abc" + digits is caught by length). */
const MIN_ENTRY_LENGTH = 4;

let loaded: Promise<ReadonlySet<string>> | undefined;

/** The shipped common-password list (≈ 49k entries, lowercase), decompressed once per process on first use. */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  loaded ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => {
    const set = new Set<string>(CONTEXT_WORDS);
    for (const entry of dictionary["passwords-common"]) if (entry.length >= MIN_ENTRY_LENGTH) set.add(foldForComparison(entry));
    return set;
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** "Password123!" → "password": the word a guesser starts from, with decorations at either end removed. */
const baseWord = (folded: string) => folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");

/**
 * True when the password is on the list (case-insensitively), or is a listed word merely decorated with digits or
 * symbols at its ends — the way composition rules push people to "strengthen" a common password.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const list = await commonPasswords();
  const folded = foldForComparison(password);
  return list.has(folded) || list.has(baseWord(folded));
}
