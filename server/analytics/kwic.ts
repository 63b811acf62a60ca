// Keyword in context. Word mode uses the per-corpus doc postings (docPostings, built once):
// a one-token term in document order costs O(docs + postings) plus a scan of the page's docs
// only; otherwise the docs holding the term's rarest token are scanned, O(their tokens).
// Substring mode is O(chars of docs). Sorting h hits by a context word is O(h log h) on numbers
// (the distinct context words are collated once). Only the page's lines are cut as strings.
import { tokenBound, tokenStarts } from "../../core/corpus/offsets.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { KwicResponse } from "../../core/api/schema.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { compileTerm, forEachMatch, type CompiledTerm } from "../../core/corpus/match.ts";
import { WORD } from "./shared/tokenClasses.ts";
import { rarestTokenCounts } from "./shared/docPostings.ts";
import type { Pattern } from "../../core/cql/ast.ts";
import { cqlScan } from "./cql.ts";
import { regexMatches } from "./regex.ts";
import { contextMarks, hasCollocate } from "./kwicTools.ts";
import { gdex } from "./shared/gdex.ts";

export type KwicSort = "L1" | "L2" | "R1" | "R2" | "doc" | "best";

export interface KwicOptions {
  term: string;
  /** word mode: the term and its synonyms as token sequences (core/query.ts parseTerm) */
  alternatives: string[][];
  match: "word" | "substring" | "cql" | "regex";
  /** match=cql: the compiled corpus query (core/cql; server/analytics/cql.ts evaluates it) */
  pattern?: Pattern;
  /** keep only the hits with one of these token sequences (a word and its synonyms) within `window` words */
  collocate?: string[][];
  window?: number;
  /** characters of context each side; default 20 */
  width?: number;
  sort?: KwicSort;
  /** 1-based */
  page?: number;
  /** false: (cql, doc order, no collocate) stop once the page is full; totals are then lower bounds */
  count?: boolean;
  perPage?: number;
}

/** One concordance line (offset: of the match in report.text). */
export type KwicLine = KwicResponse["lines"][number];

/** total: occurrences; reports: reports with at least one. The route adds paging and `matched`. */
export type KwicResult = Omit<KwicResponse, "page" | "perPage" | "matched">;

// Pinyin order, as a Chinese index would list them. Only distinct context words are collated.
const collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin");

export function kwic(corpus: Corpus, docs: CorpusDoc[], options: KwicOptions, ix: Pick<CorpusIndexes, "tokenClasses" | "docPostings" | "foldedText" | "sentenceIndex">): KwicResult {
  const width = options.width ?? 20;
  const sort = options.sort ?? "doc";
  const perPage = options.perPage ?? 50;
  const page = Math.max(1, options.page ?? 1);
  const from = (page - 1) * perPage;
  const flags = ix.tokenClasses;

  // `base` is the global number of the first hit collected, non-zero only when the fast path
  // collects just the page.
  let hits = new Hits();
  let total = 0;
  let reports = 0;
  let partial = false;
  const collect = (doc: CorpusDoc, d: number, term: CompiledTerm) => {
    const at = tokenStarts(corpus, doc);
    return forEachMatch(corpus, doc, term, (s, e) => {
      hits.push(d, at(s), at(e));
    });
  };

  if (options.match === "cql") {
    if (options.pattern) {
      let at = (i: number) => i;
      let last = -1;
      // In document order only the reports the page falls in keep their hits (all of them: the
      // dispersion strip shows every hit of a page's report); the rest are counted.
      const window = sort === "doc" && !options.collocate;
      const early = window && options.count === false;
      let n = 0;
      let docFirst = 0;
      let mark = 0;
      const closeDoc = () => {
        if (window && last >= 0 && n <= from) hits.length = mark;
      };
      const scan = cqlScan(corpus, docs, options.pattern, ix, (d, s, e) => {
        if (d !== last) {
          closeDoc();
          at = tokenStarts(corpus, docs[(last = d)]);
          docFirst = n;
          mark = hits.length;
          if (window && mark === 0) hits.base = n;
        }
        if (!window || docFirst < from + perPage) hits.push(d, at(s), at(e));
        n++;
        // the report under way is read to its end (its dispersion is whole), then no more
        return early && n >= from + perPage;
      });
      reports = scan.reports;
      partial = scan.stopped;
      closeDoc();
      total = n;
    }
  } else if (options.match === "regex") {
    docs.forEach((doc, d) => {
      const found = regexMatches(doc.report.text, options.term);
      for (const [s, e] of found) hits.push(d, s, e);
      if (found.length) reports++;
    });
    total = hits.length;
  } else if (options.match === "word") {
    const term = compileTerm(corpus, options.alternatives);
    if (term.length) {
      const P = ix.docPostings;
      const perDoc = rarestTokenCounts(P, term, corpus.docs.length);
      const upper = docs.map((doc) => {
        const k = P.docIndex.get(doc);
        return k === undefined ? 0 : perDoc[k];
      });
      if (term.every((seq) => seq.length === 1) && sort === "doc" && !options.collocate) {
        // counts come from the postings; only the docs the page falls in are scanned
        hits.base = -1;
        docs.forEach((doc, d) => {
          const n = upper[d];
          if (!n) return;
          if (total + n > from && total < from + perPage) {
            if (hits.base < 0) hits.base = total;
            collect(doc, d, term);
          }
          total += n;
          reports++;
        });
        hits.base = Math.max(0, hits.base);
      } else {
        docs.forEach((doc, d) => {
          if (upper[d] && collect(doc, d, term)) reports++;
        });
        total = hits.length;
      }
    }
  } else if (options.term) {
    const term = options.term;
    docs.forEach((doc, d) => {
      // the term is folded (routes/analytics.ts); so is the text it is looked for in, same offsets
      const text = ix.foldedText(doc.report);
      let found = false;
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        hits.push(d, at, at + term.length);
        found = true;
      }
      if (found) reports++;
    });
    total = hits.length;
  }

  if (options.collocate) {
    const coll = compileTerm(corpus, options.collocate);
    const kept = new Hits();
    for (let h = 0; h < hits.length; h++) {
      const d = hits.doc(h);
      if (coll.length && hasCollocate(corpus, docs[d], hits.start(h), hits.end(h), coll, options.window ?? 5, flags)) kept.push(d, hits.start(h), hits.end(h));
    }
    hits = kept;
    total = hits.length;
    reports = 0;
    for (let h = 0; h < total; h++) if (h === 0 || hits.doc(h) !== hits.doc(h - 1)) reports++;
  }

  // null = collection order: document, then offset
  let order: Uint32Array | null = null;
  if (sort === "best" && total) {
    // best examples first (shared/gdex.ts), ties in collection order: O(h · sentence length)
    const packed = new Float64Array(total);
    for (let h = 0; h < total; h++) {
      const { score } = gdex(sentenceAround(docs[hits.doc(h)].report.text, hits.start(h), hits.end(h)));
      packed[h] = Math.round((1 - score) * 1000) * total + h;
    }
    packed.sort();
    order = new Uint32Array(total);
    for (let i = 0; i < total; i++) order[i] = packed[i] % total;
  } else if (sort !== "doc" && total) {
    const side = sort[0] === "L" ? -1 : 1;
    const nth = Number(sort[1]);
    const key = new Int32Array(total);
    for (let h = 0; h < total; h++) key[h] = contextWord(corpus, docs[hits.doc(h)], hits.start(h), hits.end(h), side, nth, flags);
    const rank = rankIds(corpus, key);
    // rank·total + hit as one float: a comparator-free numeric sort with ties in collection
    // order. Exact while rank·total < 2^53.
    const packed = new Float64Array(total);
    for (let h = 0; h < total; h++) packed[h] = (rank[h] + 1) * total + h;
    packed.sort();
    order = new Uint32Array(total);
    for (let i = 0; i < total; i++) order[i] = packed[i] % total;
  }

  const lines: KwicLine[] = [];
  for (let i = from; i < Math.min(total, from + perPage); i++) {
    const h = order ? order[i] : i - hits.base;
    const { report } = docs[hits.doc(h)];
    const s = hits.start(h);
    const e = hits.end(h);
    lines.push({
      reportId: report.id,
      title: report.title,
      sector: report.sector,
      year: report.year,
      docType: report.docType,
      left: report.text.slice(Math.max(0, s - width), s),
      match: report.text.slice(s, e),
      right: report.text.slice(e, e + width),
      offset: s,
      context: contextMarks(corpus, docs[hits.doc(h)], s, e, width, flags),
    });
  }
  return { total, reports, lines, dispersion: dispersion(docs, hits, lines), ...(partial ? { partial } : {}) };
}

/**
 * Hits as (doc index, char start, char end) triples in one growing Uint32Array: 12 bytes a hit,
 * where three number[] took 24 plus the garbage of their growth (422k hits of 职工 at 20k reports).
 */
class Hits {
  length = 0;
  base = 0;
  private data = new Uint32Array(3 * 256);

  push(doc: number, start: number, end: number): void {
    if (3 * this.length === this.data.length) {
      const wider = new Uint32Array(2 * this.data.length);
      wider.set(this.data);
      this.data = wider;
    }
    const at = 3 * this.length++;
    this.data[at] = doc;
    this.data[at + 1] = start;
    this.data[at + 2] = end;
  }

  doc(h: number): number {
    return this.data[3 * h];
  }

  start(h: number): number {
    return this.data[3 * h + 1];
  }

  end(h: number): number {
    return this.data[3 * h + 2];
  }
}

/** Per report of the page, every hit's start as a fraction of its text: the view's dispersion strip. */
function dispersion(docs: CorpusDoc[], hits: Hits, lines: KwicLine[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const l of lines) out[l.reportId] = [];
  for (let h = 0; h < hits.length; h++) {
    const r = docs[hits.doc(h)].report;
    out[r.id]?.push(Math.round((1000 * hits.start(h)) / Math.max(1, r.text.length)) / 1000);
  }
  return out;
}

const SENTENCE_END = "。！？；!?;";
const AROUND = 300;

/** The sentence holding chars [start, end): after the previous sentence end or line break, up to and including the next end (a line break left out); at most AROUND chars each side. */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && start - s < AROUND && !SENTENCE_END.includes(text[s - 1]) && text[s - 1] !== "\n") s--;
  let e = end;
  while (e < text.length && e - end < AROUND && text[e] !== "\n") {
    if (SENTENCE_END.includes(text[e++])) break;
  }
  return text.slice(s, e);
}

/** Vocab id of the nth word token entirely left (side -1) or right (+1) of [start,end) chars; -1 if none. */
function contextWord(corpus: Corpus, doc: CorpusDoc, start: number, end: number, side: -1 | 1, nth: number, flags: Uint8Array): number {
  const ids = doc.tokenIds;
  let seen = 0;
  if (side < 0) {
    // tokenBound(start + 1) - 1 holds char `start`; the ones before it end at or before it
    for (let i = tokenBound(corpus, doc, start + 1) - 2; i >= 0; i--) {
      if (flags[ids[i]] & WORD && ++seen === nth) return ids[i];
    }
  } else {
    for (let i = tokenBound(corpus, doc, end); i < ids.length; i++) {
      if (flags[ids[i]] & WORD && ++seen === nth) return ids[i];
    }
  }
  return -1;
}

/** Per hit, the pinyin rank of its key word. The distinct words are collated once; no word (-1) sorts first. */
function rankIds(corpus: Corpus, keys: Int32Array): Int32Array {
  // an indexed loop: spreading the typed array into the Set allocated an iterator result per hit
  const seen = new Set<number>();
  for (let h = 0; h < keys.length; h++) if (keys[h] >= 0) seen.add(keys[h]);
  const distinct = [...seen];
  distinct.sort((a, b) => collator.compare(corpus.vocab[a], corpus.vocab[b]) || a - b);
  const rankOf = new Map<number, number>();
  distinct.forEach((id, r) => rankOf.set(id, r));
  return keys.map((id) => (id < 0 ? -1 : (rankOf.get(id) ?? -1)));
}
