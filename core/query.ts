// The one query parser. Search, the `q` filter of every analytic and the analytics' `term` all
// read a researcher's words through it, so one query means one thing everywhere.
//
// What a query is (README "How we count"):
// - A query is whitespace-separated parts; every part must match (AND).
// - A bare part is one "word" even when jieba cuts it into several tokens (我局 → 我 / 局):
//   its tokens must be adjacent in the text, whitespace between them aside.
// - "a quoted phrase" is matched the same way, as one token sequence; it takes no synonyms.
// - -part and -"phrase" exclude every report that contains them (synonyms included).
// - A bare part that is a key of corpus/synonyms.json also matches its synonyms, unless
//   synonyms are switched off (`synonyms=false`).
// Meilisearch receives the same structure (codes.ts, synonymCode): adjacency as a quoted phrase
// of code words, a synonym set as the one code the indexer writes where any member occurs.
import { isWord, type Segmenter } from "./text/segment.ts";
import { synonymCode, wordCode } from "./text/codes.ts";
import { fold } from "./fold.ts";
import { BadRequestError } from "./errors.ts";

/** One part of a query: the token sequences any of which satisfies it. */
export interface QueryTerm {
  /** what the user typed for this part (quotes and `-` removed) */
  text: string;
  /** the simplified form matched instead, when the part was typed in traditional characters (core/fold.ts) */
  folded?: string;
  /** alternatives[0] is the part itself; the rest are its synonyms. Tokens are words only. */
  alternatives: string[][];
  /** true when the part is a synonym-set key and synonyms are on */
  expanded: boolean;
}

export interface ParsedQuery {
  required: QueryTerm[];
  excluded: QueryTerm[];
  /** the `q` we send to Meilisearch */
  meiliQ: string;
  /** Meilisearch only uses the first 10 query words */
  truncated: boolean;
  /** word tokens of the required parts (synonyms aside), in order */
  tokens: string[];
  /**
   * false when a part is a phrase of more than MEILI_EXACT_PHRASE_WORDS code words: Meilisearch
   * then finds reports without the phrase, so the report set must come from the text (core/corpus/select.ts)
   */
  meiliExact: boolean;
}

export const MEILI_MAX_QUERY_WORDS = 10;

/**
 * Meilisearch (milli's compute_phrase_docids) checks a phrase of three or more words pairwise
 * within windows of three, from its word-pair proximity table, never their positions: 文化 体育 活动
 * matches a report that has 文化体育交流, 体育活动 and 文化活动 but no 文化体育活动 (issue 28). Two
 * words are one pair at proximity 1: exact.
 */
export const MEILI_EXACT_PHRASE_WORDS = 2;

export interface QueryOptions {
  /** default true: a synonym-set key also matches its synonyms */
  synonyms?: boolean;
}

export type Synonyms = Record<string, string[]>;

/** The word tokens of a string, whitespace and punctuation dropped. */
export function wordTokens(seg: Segmenter, s: string): string[] {
  return seg.cut(s).filter(isWord);
}

/**
 * One part (a word, or a phrase when `phrase`): its alternatives, synonyms first expanded.
 * Returns null for a part with no word in it (punctuation only).
 */
export function parseTerm(text: string, seg: Segmenter, synonyms: Synonyms, opts: QueryOptions & { phrase?: boolean } = {}): QueryTerm | null {
  // A traditional-character part matches as its simplified form: the corpus is simplified text.
  const folded = fold(text);
  const own = wordTokens(seg, folded);
  if (!own.length) return null;
  const alternatives = [own];
  // own keys only: a part spelled "constructor" or "__proto__" is a word, not an Object property
  const syns = !opts.phrase && opts.synonyms !== false && Object.hasOwn(synonyms, folded) ? synonyms[folded] : undefined;
  if (syns) {
    const seen = new Set([own.join(" ")]);
    for (const s of syns) {
      const t = wordTokens(seg, s);
      if (t.length && !seen.has(t.join(" "))) {
        seen.add(t.join(" "));
        alternatives.push(t);
      }
    }
  }
  return { text, ...(folded !== text ? { folded } : {}), alternatives, expanded: Boolean(syns) };
}

/** How Meilisearch sees a term: the synonym-set code, one code word, or a phrase of code words. */
function meiliTerm(term: QueryTerm): { q: string; words: number } {
  if (term.expanded) return { q: synonymCode(term.folded ?? term.text), words: 1 };
  const seq = term.alternatives[0];
  if (seq.length === 1) return { q: wordCode(seq[0]), words: 1 };
  return { q: `"${seq.map(wordCode).join(" ")}"`, words: seq.length };
}

/**
 * A query that is not empty but holds no word (`%`, `，`, `""`) is a 400 naming `field`: answering
 * it as the empty query would show every report for a query the user did type. Empty (or only
 * whitespace) is no query: every report.
 */
export function parseQuery(q: string | undefined, seg: Segmenter, synonyms: Synonyms = {}, opts: QueryOptions & { field?: string } = {}): ParsedQuery {
  const required: QueryTerm[] = [];
  const excluded: QueryTerm[] = [];
  const parts: string[] = [];
  let words = 0;
  let meiliExact = true;
  // Full-width quotes and dashes are what Chinese keyboards type.
  const source = (q ?? "").replace(/[“”„‟＂]/g, '"').replace(/[－—]/g, "-");
  for (const m of source.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    const negated = m[2] !== undefined ? m[1] === "-" : m[3].length > 1 && m[3].startsWith("-");
    const text = m[2] ?? (negated ? m[3].slice(1) : m[3]);
    const term = parseTerm(text.trim(), seg, synonyms, { ...opts, phrase: m[2] !== undefined });
    if (!term) continue;
    const meili = meiliTerm(term);
    words += meili.words;
    if (meili.words > MEILI_EXACT_PHRASE_WORDS) meiliExact = false;
    (negated ? excluded : required).push(term);
    parts.push(negated ? `-${meili.q}` : meili.q);
  }
  const field = opts.field ?? "q";
  if (!parts.length && source.trim()) throw new BadRequestError(`${field}: the query ${JSON.stringify(source.trim())} has no word (only punctuation); leave ${field} empty for every report`, field);
  return {
    required,
    excluded,
    meiliQ: parts.join(" "),
    truncated: words > MEILI_MAX_QUERY_WORDS,
    tokens: required.flatMap((t) => t.alternatives[0]),
    meiliExact,
  };
}

/**
 * The synonym-set keys whose alternatives occur in a token stream: what the indexer writes to
 * Meilisearch's `syn` field, so that a query for the key finds any member. `sequences` come from
 * synonymSequences; `tokens` are a text's tokens (whitespace between words is skipped, as in
 * every other match).
 */
export function synonymKeysIn(tokens: readonly string[], sequences: Map<string, string[][]>): string[] {
  const words: string[] = [];
  for (const t of tokens) {
    if (!t.trim()) continue;
    // Punctuation breaks adjacency: an empty placeholder that no word equals.
    words.push(isWord(t) ? t : "");
  }
  const present = new Set<string>();
  const joined = "\u0001" + words.join("\u0001") + "\u0001";
  for (const [key, alts] of sequences) {
    for (const seq of alts) {
      if (joined.includes("\u0001" + seq.join("\u0001") + "\u0001")) {
        present.add(key);
        break;
      }
    }
  }
  return [...present];
}

/** Every synonym-set key with its alternatives as token sequences (parseTerm's, synonyms on). */
export function synonymSequences(seg: Segmenter, synonyms: Synonyms): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const key of Object.keys(synonyms)) {
    const term = parseTerm(key, seg, synonyms);
    if (term) out.set(key, term.alternatives);
  }
  return out;
}

/** What one query part matched, as responses report it (schema QueryPartSchema). */
export interface QueryPart {
  text: string;
  role: "q" | "term";
  negated: boolean;
  /** the part itself first, then its simplified form when typed in traditional characters, then each synonym it also matched */
  matches: string[];
}

export function explainTerm(term: QueryTerm | null, role: QueryPart["role"], negated = false): QueryPart[] {
  if (!term) return [];
  const alternatives = term.alternatives.map((a) => a.join(""));
  return [{ text: term.text, role, negated, matches: term.folded ? [term.text, ...alternatives] : alternatives }];
}

export function explainQuery(parsed: ParsedQuery): QueryPart[] {
  return [...parsed.required.flatMap((t) => explainTerm(t, "q")), ...parsed.excluded.flatMap((t) => explainTerm(t, "q", true))];
}
