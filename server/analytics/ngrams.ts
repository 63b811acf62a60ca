// Recurring word n-grams. An n-gram is n consecutive word tokens with nothing between them: any
// punctuation or whitespace token (，、：。 “ ” …) breaks it, so no n-gram straddles a clause.
// Time O(tokens of docs · n) (key building); memory O(distinct n-grams): counts live in typed
// arrays indexed through one Map from a packed key (two UTF-16 units per id, no per-position
// string concatenation of the words themselves). For very large selections the route should
// cap the docs or cache the result — distinct n-grams grow almost linearly with the corpus.
import type { Corpus, CorpusDoc, TokenIds } from "../corpus/types.ts";
import { tokenClasses, WORD } from "./shared/tokenClasses.ts";

export interface NgramsOptions {
  /** 2..8 */
  n: number;
  /** minimum count; default 2 */
  min?: number;
  limit?: number;
}

export type NgramRow = {
  /** the words joined as they appear in the text (no spaces) */
  text: string;
  tokens: string[];
  count: number;
  docs: number;
};

export function ngrams(corpus: Corpus, docs: CorpusDoc[], options: NgramsOptions): { rows: NgramRow[] } {
  const n = Math.trunc(options.n);
  if (!(n >= 2 && n <= 8)) throw new RangeError(`ngrams: n must be 2..8, got ${options.n}`);
  const min = options.min ?? 2;
  const flags = tokenClasses(corpus);

  const slots = new Map<string, number>();
  let counts: Uint32Array = new Uint32Array(1024);
  let docFreq: Uint32Array = new Uint32Array(1024);
  let lastDoc: Uint32Array = new Uint32Array(1024);
  const keys: string[] = [];

  docs.forEach((doc, d) => {
    const ids = doc.tokenIds;
    let run = 0; // consecutive word tokens ending at i
    for (let i = 0; i < ids.length; i++) {
      if (!(flags[ids[i]] & WORD)) {
        run = 0;
        continue;
      }
      if (++run < n) continue;
      const key = packKey(ids, i - n + 1, n);
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = keys.length;
        slots.set(key, slot);
        keys.push(key);
        if (slot >= counts.length) {
          counts = grow(counts);
          docFreq = grow(docFreq);
          lastDoc = grow(lastDoc);
        }
      }
      counts[slot]++;
      if (lastDoc[slot] !== d + 1) {
        lastDoc[slot] = d + 1;
        docFreq[slot]++;
      }
    }
  });

  const kept: number[] = [];
  for (let s = 0; s < keys.length; s++) if (counts[s] >= min) kept.push(s);
  const rows = kept.map((s) => {
    const tokens = unpackKey(keys[s]).map((id) => corpus.vocab[id]);
    return { text: tokens.join(""), tokens, count: counts[s], docs: docFreq[s] };
  });
  rows.sort((a, b) => b.count - a.count || b.docs - a.docs || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { rows: rows.slice(0, options.limit ?? rows.length) };
}

function packKey(ids: TokenIds, from: number, n: number): string {
  const units = new Array<number>(2 * n);
  for (let k = 0; k < n; k++) {
    const id = ids[from + k];
    units[2 * k] = id >>> 16;
    units[2 * k + 1] = id & 0xffff;
  }
  return String.fromCharCode(...units);
}

function unpackKey(key: string): number[] {
  const ids: number[] = [];
  for (let k = 0; k < key.length; k += 2) ids.push(key.charCodeAt(k) * 0x10000 + key.charCodeAt(k + 1));
  return ids;
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
