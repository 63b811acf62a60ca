// Traditional → simplified folding (OpenCC's character table through opencc-js): 職工 finds 职工
// and a report written in traditional characters is found by 职工 and by 職工. Matching compares
// folded forms on both sides: queries are folded (core/query.ts, CQL literals, substring strings,
// regular expressions), and so is the text side — it is segmented in its folded form
// (core/text/segment.ts), its tokens enter the corpus vocabulary and Meilisearch folded
// (core/corpus/build.ts, core/documents.ts), substring and regex scans read the folded text. The
// stored text is never changed: snippets, KWIC lines and offsets are those of the clean text.
//
// The fold is character by character and keeps the length (one UTF-16 code unit in, one out), so
// an offset in the folded text is the same offset in the original. OpenCC's phrase table is not
// used: a phrase-level conversion could fold a query and the text around it differently. Entries
// of the character table that are not one BMP character on both sides (a few hundred rare
// characters outside the BMP) are not folded. A few characters that simplified text also writes
// in some words (乾 of 乾隆, 於 as a surname) fold too — on both sides alike, so matching agrees.
import type { DictLike } from "opencc-js/core";
import { to as openccTo } from "opencc-js/preset/t2cn";

let table: Uint16Array | null = null;

/** OpenCC's traditional → simplified character table as [traditional, simplified] pairs (TSCharacters). */
export function characterTable(): [string, string][] {
  const dict: DictLike = openccTo.cn[0][1];
  const entries: string[][] = typeof dict === "string" ? dict.split("|").map((e) => e.split(" ")) : dict.map(([k, v]) => [k, v]);
  return entries.filter((e) => e.length >= 2 && e[0] && e[1]).map((e) => [e[0], e[1]]);
}

/** table[c]: the code unit c folds to, 0 when it stays (a chain such as 薴 → 苧 → 苎 is followed to its end). */
export function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  const single = (s: string) => s.length === 1 && (s.charCodeAt(0) < 0xd800 || s.charCodeAt(0) > 0xdfff);
  for (const [from, to] of characterTable()) if (single(from) && single(to) && from !== to) t[from.charCodeAt(0)] = to.charCodeAt(0);
  for (let c = 0; c < t.length; c++) {
    let to = t[c];
    for (let hops = 0; to && t[to] && hops < 8; hops++) to = t[to];
    t[c] = to;
  }
  return (table = t);
}

/** The folded (simplified) form of s, of the same length; s itself when nothing in it folds. */
export function fold(s: string): string {
  const t = table ?? foldTable();
  const n = s.length;
  let i = 0;
  while (i < n && !t[s.charCodeAt(i)]) i++;
  if (i === n) return s;
  const units = new Uint16Array(n);
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    units[j] = t[c] || c;
  }
  let out = "";
  // fromCharCode keeps every unit as it is (a TextDecoder would replace a lone surrogate)
  for (let j = 0; j < n; j += 8192) out += String.fromCharCode.apply(null, units.subarray(j, j + 8192) as unknown as number[]);
  return out;
}

/** Folds each token; the same array when none changes. */
export function foldTokens(tokens: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const f = fold(tokens[i]);
    if (f !== tokens[i]) (out ??= tokens.slice())[i] = f;
  }
  return out ?? tokens;
}
