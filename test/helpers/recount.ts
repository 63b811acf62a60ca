// The pieces of an independent word-mode recount that tests share: the tokenizer (jieba with the
// project dictionary is the definition of a word), the corpus synonyms, and each report's token
// stream from the store. Test-side only: nothing here calls the product's matching code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StoreEntry } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { ROOT } from "./app.ts";

export const SYNONYMS = JSON.parse(readFileSync(join(ROOT, "corpus", "synonyms.json"), "utf8")) as Record<string, string[]>;
const seg = createSegmenter("node-rs", readFileSync(join(ROOT, "corpus", "dict.txt"), "utf8"));
export const isWordToken = (t: string) => /[\p{L}\p{N}]/u.test(t);
export const words = (s: string) => seg.cut(s).filter(isWordToken);

/** per report: its tokens with spaces (not line breaks) dropped, punctuation as "" (it never equals a word) */
export const tokenStreams = (entries: readonly StoreEntry[]): Map<string, string[]> =>
  new Map(entries.map((e) => [e.report.id, e.tokens.filter((t) => t.trim() || t.includes("\n")).map((t) => (isWordToken(t) ? t : ""))]));

/** A term's word sequences: itself and its corpus synonyms (corpus/synonyms.json), longest first. */
export const termAlternatives = (variants: readonly string[]): string[][] =>
  variants.flatMap((v) => [words(v), ...(SYNONYMS[v] ?? []).map(words)]).filter((a) => a.length).sort((a, b) => b.length - a.length);

/** Occurrences of any alternative in a token stream, the longest where two start together, none overlapping (KWIC's word-mode rule, as plain loops). */
export function countSequences(stream: readonly string[], alternatives: readonly string[][]): number {
  let n = 0;
  for (let i = 0; i < stream.length; i++) {
    const hit = alternatives.find((seq) => i + seq.length <= stream.length && seq.every((t, k) => stream[i + k] === t));
    if (hit) {
      n++;
      i += hit.length - 1;
    }
  }
  return n;
}
