// Parses a researcher's query: plain words, "quoted phrases" and -exclusions,
// each segmented with the project's jieba so they match the indexed tokens.
import { isWord, type Segmenter } from "./text/segment.ts";
import { wordCode } from "./text/codes.ts";

export interface ParsedQuery {
  /** positive word tokens, in order (phrases included) */
  tokens: string[];
  phrases: string[][];
  excluded: string[][];
  /** the `q` we send to Meilisearch: tokens as code words (codes.ts), phrases quoted */
  meiliQ: string;
  /** Meilisearch only uses the first 10 query words */
  truncated: boolean;
  /** tokens (query + synonyms) to highlight */
  markTokens: Set<string>;
}

export const MEILI_MAX_QUERY_WORDS = 10;

const words = (seg: Segmenter, s: string) => seg.cut(s).filter(isWord);

export function parseQuery(q: string | undefined, seg: Segmenter, synonyms: Record<string, string[]> = {}): ParsedQuery {
  const phrases: string[][] = [];
  const excluded: string[][] = [];
  const parts: string[] = [];
  const tokens: string[] = [];
  // Full-width quotes are what Chinese keyboards type.
  const source = (q ?? "").replace(/[“”„‟＂]/g, '"').replace(/[－—]/g, "-");
  const re = /(-?)"([^"]*)"|(\S+)/g;
  for (const m of source.matchAll(re)) {
    if (m[2] !== undefined) {
      const t = words(seg, m[2]);
      if (!t.length) continue;
      if (m[1]) {
        excluded.push(t);
        parts.push(`-"${t.map(wordCode).join(" ")}"`);
      } else {
        phrases.push(t);
        tokens.push(...t);
        parts.push(`"${t.map(wordCode).join(" ")}"`);
      }
      continue;
    }
    const raw = m[3];
    if (raw.startsWith("-") && raw.length > 1) {
      const t = words(seg, raw.slice(1));
      // An excluded compound is excluded as a phrase, not word by word.
      if (t.length === 1) parts.push(`-${wordCode(t[0])}`);
      else if (t.length > 1) parts.push(`-"${t.map(wordCode).join(" ")}"`);
      if (t.length) excluded.push(t);
      continue;
    }
    const t = words(seg, raw);
    tokens.push(...t);
    parts.push(...t.map(wordCode));
  }
  const markTokens = new Set(tokens);
  // A one-word synonym is marked wherever it occurs; a multi-word one would mark its
  // parts everywhere (活动 in every report), so it is left unmarked.
  for (const t of tokens)
    for (const s of synonyms[t] ?? []) {
      const w = words(seg, s);
      if (w.length === 1) markTokens.add(w[0]);
    }
  const counted = tokens.length + excluded.reduce((n, e) => n + e.length, 0);
  return { tokens, phrases, excluded, meiliQ: parts.join(" "), truncated: counted > MEILI_MAX_QUERY_WORDS, markTokens };
}
