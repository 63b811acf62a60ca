// What Meilisearch receives: reports and passages, with their text as jieba
// tokens encoded as code words (see codes.ts) separated by spaces, and their
// facets. Never the text itself: snippets come from the corpus store. Tokens are sent folded to
// simplified characters (core/fold.ts), as queries are: 職工 in a report is found by 职工.
import type { Report, Tokens } from "./model.ts";
import { CodeWords, encodeTokens, SENTENCE_END as HARD, synonymCode } from "./text/codes.ts";
import { synonymKeysIn } from "./query.ts";
import { foldTokens } from "./fold.ts";

/** Synonym-set keys with their alternatives as token sequences (query.ts synonymSequences). */
export type SynonymSequences = Map<string, string[][]>;

/** What turning reports into documents needs; built once per indexing run and dropped with it. */
export interface DocumentContext {
  synonyms: SynonymSequences;
  codes: CodeWords;
}

export function documentContext(synonyms: SynonymSequences): DocumentContext {
  return { synonyms, codes: new CodeWords() };
}

/** The `syn` field: one code per synonym set with a member in these tokens (query.ts). */
function syn(tokens: Tokens, synonyms: SynonymSequences): string {
  return synonymKeysIn(tokens, synonyms).map(synonymCode).join(" ");
}

/**
 * Meilisearch indexes at most 65,535 positions per attribute and silently drops
 * the rest. A word costs 1 position and a hard separator (。！？) 8, so we cut
 * bodies into nested fields `body.c0`, `body.c1`, … of at most this budget,
 * at paragraph or sentence ends. Nested fields each have their own budget.
 */
export const POSITION_BUDGET = 40_000;

export interface SegmentedChunkOptions {
  budget?: number;
  /** a run's code words (remembered); default: computed each time */
  codes?: CodeWords;
}

/** Split tokens into space-joined chunks of code words that each fit the position budget. */
export function chunkTokens(tokens: Tokens, opts: SegmentedChunkOptions = {}): string[] {
  const budget = opts.budget ?? POSITION_BUDGET;
  const chunks: string[] = [];
  let current: string[] = [];
  let cost = 0;
  let lastBreak = -1;
  for (const t of opts.codes ? opts.codes.encode(tokens) : encodeTokens(tokens)) {
    const c = HARD.test(t) ? 8 : 1;
    if (cost + c > budget && current.length > 0) {
      // Prefer cutting at the last paragraph or sentence end inside this chunk.
      const cut = lastBreak > current.length / 2 ? lastBreak : current.length;
      chunks.push(current.slice(0, cut).join(" "));
      current = current.slice(cut);
      cost = current.reduce((s, x) => s + (HARD.test(x) ? 8 : 1), 0);
      lastBreak = -1;
    }
    current.push(t);
    cost += c;
    if (HARD.test(t)) lastBreak = current.length;
  }
  if (current.length) chunks.push(current.join(" "));
  return chunks;
}

function body(tokens: Tokens, codes: CodeWords): Record<string, string> {
  const out: Record<string, string> = {};
  chunkTokens(tokens, { codes }).forEach((chunk, i) => (out[`c${i}`] = chunk));
  return out;
}

/** The filterable fields every Meilisearch document carries (reports and passages alike). */
export interface FacetFields {
  /** the store generation that added the report: search shows a document only once the server has loaded that generation */
  gen: number;
  sector: string;
  docType: string;
  level: string;
  kind: string;
  isDuplicate: boolean;
  year?: number;
}

function facets(r: Report, gen: number): FacetFields {
  return {
    gen,
    sector: r.sector,
    docType: r.docType,
    level: r.level,
    kind: r.kind,
    isDuplicate: r.duplicateOf !== null,
    ...(r.year === null ? {} : { year: r.year }),
  };
}

export interface ReportDocument extends FacetFields {
  id: string;
  title: string;
  body: Record<string, string>;
  syn: string;
  source: string;
  chars: number;
  sectorConfidence: number;
  duplicateOf: string | null;
}

/**
 * Search matches the report's text only, never its page title: every count the product shows is
 * of text, and a hit must be explainable by a mark in it (scraped page titles such as
 * 2023关于工会工作报告 are shared by dozens of reports).
 */
export function toReportDocument(r: Report, written: Tokens, ctx: DocumentContext, gen = 0): ReportDocument {
  const tokens = foldTokens(written);
  return {
    id: r.id,
    title: r.title,
    body: body(tokens, ctx.codes),
    syn: syn(tokens, ctx.synonyms),
    source: r.source,
    chars: r.chars,
    sectorConfidence: r.sectorConfidence,
    duplicateOf: r.duplicateOf,
    ...facets(r, gen),
  };
}

export interface PassageDocument extends FacetFields {
  id: string;
  reportId: string;
  title: string;
  section: string | null;
  start: number;
  end: number;
  body: Record<string, string>;
  syn: string;
}

/** Longest passage we index; longer paragraphs are cut at sentence ends. */
export const MAX_PASSAGE_CHARS = 600;

export interface PassageSpan {
  start: number;
  end: number;
}

/**
 * Passages are paragraphs; a paragraph longer than MAX_PASSAGE_CHARS is cut at
 * sentence ends (or hard at the limit when a "sentence" is itself too long).
 */
export function passageSpans(r: Report): PassageSpan[] {
  const spans: PassageSpan[] = [];
  for (const p of r.paragraphs) {
    let start = p.start;
    while (p.end - start > MAX_PASSAGE_CHARS) {
      const window = r.text.slice(start, start + MAX_PASSAGE_CHARS);
      let cut = -1;
      for (const m of window.matchAll(/[。！？；!?;]/gu)) if (m.index > MAX_PASSAGE_CHARS / 3) cut = m.index + 1;
      const end = start + (cut > 0 ? cut : MAX_PASSAGE_CHARS);
      spans.push({ start, end });
      start = end;
    }
    if (p.end > start) spans.push({ start, end: p.end });
  }
  return spans;
}

/** Tokens of `text[start, end)` given the report's token stream and their start offsets. */
export function tokensIn(tokens: Tokens, starts: number[], start: number, end: number): Tokens {
  const out: string[] = [];
  for (let i = lowerBound(starts, start); i < tokens.length && starts[i] < end; i++) {
    const tStart = starts[i];
    const tEnd = tStart + tokens[i].length;
    // a token straddling a cut contributes the part inside the span
    out.push(tokens[i].slice(Math.max(0, start - tStart), Math.min(tokens[i].length, end - tStart)));
    if (tEnd >= end) break;
  }
  return out;
}

function lowerBound(starts: number[], x: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

export function tokenStarts(tokens: Tokens): number[] {
  const starts = new Array<number>(tokens.length);
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = pos;
    pos += tokens[i].length;
  }
  return starts;
}

export function sectionAt(r: Report, offset: number): string | null {
  let title: string | null = null;
  for (const s of r.sections) {
    if (s.start > offset) break;
    title = s.title;
  }
  return title;
}

export function toPassageDocuments(r: Report, written: Tokens, ctx: DocumentContext, gen = 0): PassageDocument[] {
  const tokens = foldTokens(written);
  const starts = tokenStarts(tokens);
  return passageSpans(r).map((span, i) => {
    const own = tokensIn(tokens, starts, span.start, span.end);
    return {
      id: `${r.id}-${i}`,
      reportId: r.id,
      title: r.title,
      section: sectionAt(r, span.start),
      start: span.start,
      end: span.end,
      body: body(own, ctx.codes),
      syn: syn(own, ctx.synonyms),
      ...facets(r, gen),
    };
  });
}
