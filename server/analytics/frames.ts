// Frames of a term — a word sketch (Kilgarriff et al. 2004, Sketch Engine) from part-of-speech
// tags: for every occurrence of the term (or a synonym; core/query.ts parseTerm) inside its clause,
//   verb      the nearest verb before it (开展 / 实施 / 做好 …“送温暖”), over at most MAX_MODIFIERS
//             modifier words (开展“扶贫帮困”送温暖: 开展);
//   after     the noun or verb right after it (送温暖 活动 / 工程 / 工作);
//   modifier  the modifier word right before it (扶贫帮困 送温暖, 经常性 的 送温暖).
// Verbs are v, vd, vi, vg and jieba's adverb + verb idioms (积极开展/l); modifiers a, an, b, z, n,
// nz, ng, j, l, i, t, vn, f, s (numerals and placeholders never). A clause ends at any
// punctuation except quotes and book-title marks (“送温暖”活动 is one clause) and spaces; a
// bracket ends it. A single character glued to a numeral or to another single-character content
// word (三会, 开好) is part of a longer unit and is no collocate. Each occurrence gives at most one collocate per relation. Per relation and collocate:
// count (occurrences), reports, per-sector occurrences and logDice = 14 + log2(2·count /
// (f(term, rel) + f(collocate))), where f(term, rel) is the occurrences having any collocate in
// the relation and f(collocate) the collocate's word frequency in the selection — Sketch Engine's
// ranking. A collocate is ranked by logDice only from RANK_MIN occurrences (option `rankMin`): rarer
// rows follow the ranked ones, by count — a word seen once or twice with the term has a high
// logDice by chance (帮困, twice, above 实施). `sort=count` orders by occurrences instead (logDice
// breaking ties): the writing page's order, where the verb used most with the term — 开展 with
// 深入开展 and 积极开展 counted under it — leads, though logDice ranks a frequent verb lower. Verbs are grouped under their head verb, decided by
// the corpus (shared/verbHeads.ts: the word ends with another corpus word tagged as a verb):
// 深入开展 and 积极开展 count under 开展 and are listed as its `variants`, and f(开展) is then the
// frequency of 开展 and of every word headed by it. Variants are the (verb, after) pairs (开展 送温暖 活动 / 实施 送温暖 工程).
// `pick` selects one row (`verb:开展`, `after:活动`, `modifier:…`, `variant:开展|活动`): its
// sentences, paged — the concordance of exactly those occurrences.
// O(tokens of the selection) for the collocate frequencies + O(clause) per occurrence.
import { SECTORS } from "../../core/model.ts";
import { tokenStarts } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { compileTerm, forEachMatch } from "../../core/corpus/match.ts";
import { FRAME_RELATIONS, type FramesResponse } from "../../core/api/schema.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { sentenceRange } from "./shared/sentenceRange.ts";
import { NUMERIC, SPACE, WORD } from "./shared/tokenClasses.ts";
import { verbHeads } from "./shared/verbHeads.ts";
import { bestExample } from "./shared/gdex.ts";

export type FrameRelation = (typeof FRAME_RELATIONS)[number];

const MAX_MODIFIERS = 3;
const CLIP_WORDS = 40;
/** occurrences a collocate needs before logDice ranks it (fewer: listed after, by count) */
export const RANK_MIN = 3;
/** punctuation a clause runs through: quotes and book-title marks. Not brackets: 建立“三会”（职代会、…）
 *  — what a bracket opens is an aside, and the word before it belongs to the sentence around it. */
const TRANSPARENT = /^[“”‘’"'《》〈〉「」『』]+$/;
/** function words a single-character verb may lean on without forming a longer unit (再开, 要抓 is not one) */
const FUNCTION_TAG = /^(d|c|p|r|u|y|e|o)/;

/** Verbs (v, vd, vi, vg; not vn, a verbal noun such as 活动 or 建设). */
const isVerbTag = (t: string) => t === "v" || t === "vd" || t === "vi" || t === "vg";
/** jieba's dictionary lists adverb + verb phrases as idioms (积极开展/l, 深入开展/i, 认真落实/l): verbs here. */
const ADVERB_VERB = /^(积极|深入|认真|全面|大力|不断|进一步|切实|广泛|继续|努力|扎实|着力|充分|持续)./;
const isVerb = (tag: string, word: string) => isVerbTag(tag) || ((tag === "l" || tag === "i") && ADVERB_VERB.test(word));
/** What may follow the term in a frame: nouns and verbs (活动/vn, 工程/n, 工作/vn). */
const isHeadTag = (t: string) => t.startsWith("n") || t.startsWith("v");
/** Words that modify a noun phrase: adjectives, distinguishers, nouns, idioms, abbreviations, time words, 的. */
const isModifierTag = (t: string) => /^(a|an|b|z|n|nz|ng|j|l|i|t|vn|f|s)$/.test(t);

export interface FramesOptions {
  alternatives: string[][];
  term: string;
  /** rows per relation (default 25) and variants (default 25) */
  limit?: number;
  /** keep rows with at least this many occurrences */
  min?: number;
  /** occurrences a collocate needs before logDice ranks it (default RANK_MIN); rarer rows follow, by count */
  rankMin?: number;
  /** logDice (default: ranked rows by logDice, rarer ones after by count) or count (most occurrences first, logDice breaking ties) */
  sort?: "logDice" | "count";
  pick?: string;
  page?: number;
  perPage?: number;
}

/** The route adds `matched`. */
export type FramesResult = Omit<FramesResponse, "matched">;
type Example = FramesResponse["variants"][number]["example"];

interface Occurrence {
  doc: CorpusDoc;
  ts: number;
  te: number;
  /** token index of the collocate per relation, or -1 */
  at: Record<FrameRelation, number>;
}

export function frames(corpus: Corpus, docs: CorpusDoc[], options: FramesOptions, ix: Pick<CorpusIndexes, "tokenClasses">): FramesResult {
  const flags = ix.tokenClasses;
  const term = compileTerm(corpus, options.alternatives);
  const limit = options.limit ?? 25;
  const min = options.min ?? 1;
  const rankMin = options.rankMin ?? RANK_MIN;
  const heads = verbHeads(corpus);
  /** the row a collocate counts under: a verb under its head verb, anything else under itself */
  const rowId = (r: FrameRelation, id: number) => (r === "verb" && heads[id] >= 0 ? heads[id] : id);
  const empty: FramesResult = { term: options.term, occurrences: 0, reports: 0, sectors: [...SECTORS], relations: FRAME_RELATIONS.map((name) => ({ name, total: 0, rows: [] })), variants: [], lines: null };
  if (!term.length) return empty;

  const tagOf = (doc: CorpusDoc, i: number) => corpus.tagNames[doc.tagIds[i]] ?? "";
  const isWordAt = (doc: CorpusDoc, i: number) => (flags[doc.tokenIds[i]] & WORD) !== 0;
  const transparent = (doc: CorpusDoc, i: number) => (flags[doc.tokenIds[i]] & SPACE) !== 0 || TRANSPARENT.test(corpus.vocab[doc.tokenIds[i]]);
  /** the previous / next word index inside the clause, stepping over transparent punctuation; -1 at a clause end */
  const step = (doc: CorpusDoc, i: number, dir: -1 | 1, lo: number, hi: number) => {
    for (let k = i + dir; k >= lo && k < hi; k += dir) {
      if (isWordAt(doc, k)) return k;
      if (!transparent(doc, k)) return -1;
    }
    return -1;
  };

  /** A single character glued to a numeral (三会) or to another single-character content word
   *  (开好, 召 开) is a fragment of a longer unit, never a collocate on its own. */
  const fragment = (doc: CorpusDoc, k: number, ts: number, te: number) => {
    if (corpus.vocab[doc.tokenIds[k]].length !== 1) return false;
    for (const j of [k - 1, k + 1]) {
      if (j < 0 || j >= doc.tokenIds.length || (j >= ts && j < te) || !isWordAt(doc, j)) continue;
      const w = corpus.vocab[doc.tokenIds[j]];
      if (flags[doc.tokenIds[j]] & NUMERIC) return true;
      if (w.length === 1 && !FUNCTION_TAG.test(tagOf(doc, j))) return true;
    }
    return false;
  };
  const occurrences: Occurrence[] = [];
  const reportIds = new Set<string>();
  for (const doc of docs) {
    forEachMatch(corpus, doc, term, (ts, te) => {
      const [lo, hi] = sentenceRange(doc.tokenIds, ts, te, flags, CLIP_WORDS);
      const at: Record<FrameRelation, number> = { verb: -1, after: -1, modifier: -1 };
      // modifier: the word right before (or before 的 right before), a modifier but not a verb
      let k = step(doc, ts, -1, lo, hi);
      if (k >= 0 && corpus.vocab[doc.tokenIds[k]] === "的") k = step(doc, k, -1, lo, hi);
      if (k >= 0 && isModifierTag(tagOf(doc, k)) && !isVerb(tagOf(doc, k), corpus.vocab[doc.tokenIds[k]]) && !(flags[doc.tokenIds[k]] & NUMERIC) && !fragment(doc, k, ts, te)) at.modifier = k;
      // verb: the nearest verb before, over at most MAX_MODIFIERS modifiers (and 的)
      k = ts;
      for (let skipped = 0; skipped <= MAX_MODIFIERS; ) {
        k = step(doc, k, -1, lo, hi);
        if (k < 0) break;
        const tag = tagOf(doc, k);
        if (isVerb(tag, corpus.vocab[doc.tokenIds[k]])) {
          if (!fragment(doc, k, ts, te)) at.verb = k;
          break;
        }
        if (corpus.vocab[doc.tokenIds[k]] === "的") continue;
        if (!isModifierTag(tag)) break;
        skipped++;
      }
      const n = step(doc, te - 1, 1, lo, hi);
      if (n >= 0 && isHeadTag(tagOf(doc, n)) && !(flags[doc.tokenIds[n]] & NUMERIC) && !fragment(doc, n, ts, te)) at.after = n;
      occurrences.push({ doc, ts, te, at });
      reportIds.add(doc.report.id);
    });
  }
  if (!occurrences.length) return empty;

  // f(collocate): word frequency of every collocate in the selection, counted once over its docs
  // (a head verb's: its own and every word headed by it)
  const wanted = new Map<number, number>();
  const wantedHead = new Map<number, number>();
  for (const o of occurrences) {
    for (const r of FRAME_RELATIONS) if (o.at[r] >= 0) wanted.set(o.doc.tokenIds[o.at[r]], 0);
    if (o.at.verb >= 0) wantedHead.set(rowId("verb", o.doc.tokenIds[o.at.verb]), 0);
  }
  for (const doc of docs) {
    const ids = doc.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      const c = wanted.get(ids[i]);
      if (c !== undefined) wanted.set(ids[i], c + 1);
      const g = heads[ids[i]] >= 0 ? heads[ids[i]] : ids[i];
      const h = wantedHead.get(g);
      if (h !== undefined) wantedHead.set(g, h + 1);
    }
  }

  const relations = FRAME_RELATIONS.map((name) => {
    const groups = new Map<number, Occurrence[]>();
    let total = 0;
    for (const o of occurrences) {
      if (o.at[name] < 0) continue;
      total++;
      const id = rowId(name, o.doc.tokenIds[o.at[name]]);
      const list = groups.get(id);
      if (list) list.push(o);
      else groups.set(id, [o]);
    }
    const rows = [...groups]
      .filter(([, list]) => list.length >= min)
      .map(([id, list]) => {
        const freq = name === "verb" ? wantedHead.get(id)! : wanted.get(id)!;
        return {
          word: corpus.vocab[id],
          ...summary(list),
          freq,
          logDice: 14 + Math.log2((2 * list.length) / (total + freq)),
          ranked: list.length >= rankMin,
          variants: forms(corpus, list, id, (x) => x.at[name]),
          example: bestExample(list.slice(0, 200).map((o) => example(corpus, o, [(x) => x.at[name]])), (x) => x.text),
        };
      })
      .sort((a, b) =>
        options.sort === "count"
          ? b.count - a.count || b.logDice - a.logDice || (a.word < b.word ? -1 : 1)
          : (a.ranked === b.ranked ? 0 : a.ranked ? -1 : 1) || (a.ranked ? b.logDice - a.logDice || b.count - a.count : b.count - a.count || b.logDice - a.logDice) || (a.word < b.word ? -1 : 1),
      )
      .slice(0, limit);
    return { name, total, rows };
  });

  const byVariant = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    if (o.at.verb < 0 && o.at.after < 0) continue;
    const key = variantKey(corpus, o);
    const list = byVariant.get(key);
    if (list) list.push(o);
    else byVariant.set(key, [o]);
  }
  const variants = [...byVariant]
    .filter(([, list]) => list.length >= min)
    .map(([key, list]) => {
      const [verb, after] = key.split("|");
      const o = list[0];
      const gap = o.at.verb >= 0 && hasWordBetween(o.doc, o.at.verb, o.ts, flags);
      const pattern = `${verb}${verb ? (gap ? "…" : "") : ""}${options.term}${after}`;
      return { verb: verb || null, after: after || null, pattern, ...summary(list), example: bestExample(list.slice(0, 200).map((x) => example(corpus, x, [(y) => y.at.verb, (y) => y.at.after])), (x) => x.text) };
    })
    .sort((a, b) => b.reports - a.reports || b.count - a.count || (a.pattern < b.pattern ? -1 : 1))
    .slice(0, limit);

  return {
    term: options.term,
    occurrences: occurrences.length,
    reports: reportIds.size,
    sectors: [...SECTORS],
    relations,
    variants,
    lines: options.pick ? lines(corpus, occurrences, options.pick, options.page ?? 1, options.perPage ?? 20, rowId) : null,
  };
}

function variantKey(corpus: Corpus, o: Occurrence): string {
  const w = (i: number) => (i >= 0 ? corpus.vocab[o.doc.tokenIds[i]] : "");
  return `${w(o.at.verb)}|${w(o.at.after)}`;
}

/** the forms of a grouped row other than its head word itself (深入开展 under 开展), most frequent first */
function forms(corpus: Corpus, list: Occurrence[], head: number, at: (o: Occurrence) => number): { term: string; count: number }[] {
  const counts = new Map<number, number>();
  for (const o of list) {
    const id = o.doc.tokenIds[at(o)];
    if (id !== head) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, count]) => ({ term: corpus.vocab[id], count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
}

function hasWordBetween(doc: CorpusDoc, from: number, to: number, flags: Uint8Array): boolean {
  for (let i = from + 1; i < to; i++) if (flags[doc.tokenIds[i]] & WORD) return true;
  return false;
}

/** count, reports, occurrences per sector (every sector present, 0 when none) */
function summary(list: Occurrence[]): { count: number; reports: number; bySector: Record<string, number> } {
  const bySector: Record<string, number> = Object.fromEntries(SECTORS.map((s) => [s, 0]));
  const reports = new Set<string>();
  for (const o of list) {
    bySector[o.doc.report.sector]++;
    reports.add(o.doc.report.id);
  }
  return { count: list.length, reports: reports.size, bySector };
}

/** The occurrence's sentence, where it starts in the report, the term and the collocates marked in it. */
function example(corpus: Corpus, o: Occurrence, marked: ((o: Occurrence) => number)[]): Example {
  const starts = tokenStarts(corpus, o.doc);
  const { doc } = o;
  // the sentence as a writer reads it: from its start to its end (not clipped at the clause)
  const [s, e] = sentenceBounds(corpus, doc, o.ts, o.te);
  const base = starts(s);
  const report = doc.report;
  const marks: [number, number][] = [];
  for (const f of marked) {
    const i = f(o);
    if (i >= 0) marks.push([starts(i) - base, starts(i + 1) - base]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  return {
    reportId: report.id,
    title: report.title,
    sector: report.sector,
    year: report.year,
    text: report.text.slice(base, starts(e)),
    start: base,
    termAt: [starts(o.ts) - base, starts(o.te) - base],
    marks,
  };
}

const SENTENCE_END_RE = /[。！？；!?;…\n]/;

function sentenceBounds(corpus: Corpus, doc: CorpusDoc, ts: number, te: number): [number, number] {
  const ids = doc.tokenIds;
  const end = (i: number) => SENTENCE_END_RE.test(corpus.vocab[ids[i]]) && !corpus.isWord[ids[i]];
  let s = ts;
  for (let words = 0; s > 0 && !end(s - 1) && words < CLIP_WORDS; s--) words += corpus.isWord[ids[s - 1]];
  let e = te;
  for (let words = 0; e < ids.length && words < CLIP_WORDS; e++) {
    if (end(e)) {
      if (!corpus.vocab[ids[e]].includes("\n")) e++;
      break;
    }
    words += corpus.isWord[ids[e]];
  }
  while (s < e && /^\s+$/.test(corpus.vocab[ids[s]])) s++;
  return [s, e];
}

/** The sentences of one row (`rel:word`: a head verb's rows hold its forms' too; `verb:深入开展` one form)
 *  or variant (`variant:verb|after`), in corpus order, one page. */
function lines(corpus: Corpus, occurrences: Occurrence[], pick: string, page: number, perPage: number, rowId: (r: FrameRelation, id: number) => number): NonNullable<FramesResponse["lines"]> {
  const colon = pick.indexOf(":");
  const rel = pick.slice(0, colon);
  const value = pick.slice(colon + 1);
  let chosen: Occurrence[];
  let marked: ((o: Occurrence) => number)[];
  if (rel === "variant") {
    chosen = occurrences.filter((o) => (o.at.verb >= 0 || o.at.after >= 0) && variantKey(corpus, o) === value);
    marked = [(x) => x.at.verb, (x) => x.at.after];
  } else if ((FRAME_RELATIONS as readonly string[]).includes(rel)) {
    const r = rel as FrameRelation;
    chosen = occurrences.filter((o) => o.at[r] >= 0 && (corpus.vocab[o.doc.tokenIds[o.at[r]]] === value || corpus.vocab[rowId(r, o.doc.tokenIds[o.at[r]])] === value));
    marked = [(x) => x.at[r]];
  } else {
    chosen = [];
    marked = [];
  }
  const rows = chosen.slice((page - 1) * perPage, page * perPage).map((o) => example(corpus, o, marked));
  return { pick, total: chosen.length, page, perPage, rows };
}
