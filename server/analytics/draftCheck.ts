// Check a whole draft against the corpus (the writing page): (a) its section kinds beside those the
// reports of its sector and type have (shared/sectionKinds.ts), with the kinds most of them have
// that the draft lacks and where they say it; (b) each paragraph's closest corpus sentences (the
// `similar` analytic, called per paragraph); (c) 提法 worth a second look: a synonym the corpus uses
// at least twice as often, a word whose per-10k rate fell from the earlier to the later years (the
// kept per-report counts, shared/countTerms.ts, over the reports with a year), a word the corpus
// has at most once. Every figure is a count over the one selection (core/corpus/select.ts).
// Nothing is kept: the draft arrives in the task and leaves in the answer.
import { selectReports } from "../../core/corpus/select.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { DocType, Sector } from "../../core/model.ts";
import type { DraftCheckResponse, Filters } from "../../core/api/schema.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { breakdown } from "./breakdown.ts";
import { similar } from "./similar.ts";
import { countTerms } from "./shared/countTerms.ts";
import { logLikelihood } from "./shared/logLikelihood.ts";
import { rates } from "./shared/rates.ts";
import { headingsOf, sectionParts, SECTION_KINDS, type Part } from "./shared/sectionKinds.ts";
import { WORD } from "./shared/tokenClasses.ts";
import { isTitleLike } from "../../indexer/text-patterns.ts";

/** fewer reports of the sector and type than this: the comparison widens (DraftCheckResponse.basis) */
export const BASIS_MIN = 3;
/** a kind this share of the basis has is one the draft should have */
export const MISSING_AT = 0.5;
const EXAMPLES = 3;
const PARAGRAPHS_MAX = 40;
const SIMILAR_PER_PARAGRAPH = 3;
/** a synonym counts as the usual form from this many occurrences, and at twice the draft form's */
const USUAL_MIN = 3;
/** a word's fall counts from this many occurrences in the earlier years, at half the rate or less, G² ≥ 3.84 (p < 0.05) */
const FELL_MIN = 5;
/** years are compared only with this many dated reports in each period (and two years at least) */
export const PERIOD_MIN_REPORTS = 10;
const FORMULATIONS_MAX = 12;

export interface DraftTerm {
  /** the draft's form of a synonym-list key, as token sequences; and each other member's */
  term: string;
  own: string[][];
  others: { term: string; alternatives: string[][] }[];
}

export interface DraftCheckInput {
  text: string;
  sector: Sector;
  docType: DocType;
  /** the draft's paragraphs with their word tokens (the segmenter runs on the main thread) */
  paragraphs: { start: number; text: string; tokens: string[] }[];
  /** the draft's word tokens */
  tokens: string[];
  /** synonym-list keys the draft uses */
  terms: DraftTerm[];
}

type Ix = Pick<CorpusIndexes, "tokenClasses" | "sentenceIndex" | "docPostings">;

/** 工作总结 and 工作报告 both review a period's work; a plan, a speech stand alone. */
const family = (t: DocType): DocType[] => (t === "summary" || t === "report" ? ["summary", "report"] : [t]);

export function draftCheck(corpus: Corpus, input: DraftCheckInput, ix: Ix): DraftCheckResponse {
  const all = selectReports(corpus, {}, null);
  const chars = all.reduce((n, d) => n + d.report.chars, 0);

  // (a) the basis: the first of these with BASIS_MIN reports
  const levels: { sector: Sector | null; docTypes: DocType[] }[] = [
    { sector: input.sector, docTypes: [input.docType] },
    { sector: input.sector, docTypes: family(input.docType) },
    { sector: null, docTypes: [input.docType] },
    { sector: null, docTypes: family(input.docType) },
    { sector: null, docTypes: [] },
  ];
  const filtersOf = (l: (typeof levels)[number]): Filters => ({ ...(l.sector ? { sector: [l.sector] } : {}), ...(l.docTypes.length ? { docType: l.docTypes } : {}) });
  let level = levels[0];
  let basis = selectReports(corpus, filtersOf(level), null);
  for (const l of levels.slice(1)) {
    if (basis.length >= BASIS_MIN) break;
    level = l;
    basis = selectReports(corpus, filtersOf(l), null);
  }
  const draftParts = sectionParts(input.text);
  const has = new Set(draftParts.map((p) => p.kind));
  const found = basis.map((d) => ({ doc: d, parts: sectionParts(d.report.text, d.report.sections) }));
  const kinds = SECTION_KINDS.flatMap((kind) => {
    const withIt = found.flatMap(({ doc, parts }) => parts.filter((p) => p.kind === kind).map((p) => ({ doc, p })));
    if (!withIt.length) return [];
    const share = withIt.length / basis.length;
    const position = median(withIt.map(({ doc, p }) => p.start / Math.max(1, doc.report.chars)));
    // a heading shows the part best; then the shortest sentence that opens it
    const examples = [...withIt].sort((a, b) => Number(a.p.via !== "heading") - Number(b.p.via !== "heading") || a.p.text.length - b.p.text.length).slice(0, EXAMPLES).map(({ doc, p }) => ref(doc, p));
    return [{ kind, reports: withIt.length, share, position, inDraft: has.has(kind), missing: !has.has(kind) && share >= MISSING_AT, examples }];
  }).sort((a, b) => a.position - b.position);

  // (b) each paragraph's closest sentences, from the reports of the draft's sector
  let scope = selectReports(corpus, { sector: [input.sector] }, null);
  const scoped = scope.length > 0;
  if (!scoped) scope = all;
  // headings and the title line are not sentences to match
  const headings = new Set(headingsOf(input.text).map((h) => h.start));
  const paragraphs = input.paragraphs
    .filter((p) => !headings.has(p.start) && !isTitleLike(p.text) && p.tokens.length > 0)
    .slice(0, PARAGRAPHS_MAX)
    .map((p, i) => ({ n: i + 1, start: p.start, text: p.text, rows: similar(corpus, scope, { tokens: p.tokens, limit: SIMILAR_PER_PARAGRAPH }, ix).rows }));

  // (c) 提法
  const formulations: DraftCheckResponse["formulations"] = [];
  const use = (term: string, alternatives: string[][]) => {
    const rows = breakdown(corpus, all, { alternatives, by: "docType" }, ix).rows;
    const count = rows.reduce((n, r) => n + r.count, 0);
    return { term, count, reports: rows.reduce((n, r) => n + r.docs, 0), per10k: rates(count, chars, 1).per10k };
  };
  const listed = new Set<string>();
  for (const t of input.terms) {
    const own = use(t.term, t.own);
    // a member holding the term or held by it (送温暖 / 送温暖活动) counts the same uses: not an alternative
    const best = t.others
      .filter((o) => !o.term.includes(t.term) && !t.term.includes(o.term))
      .map((o) => use(o.term, o.alternatives))
      .sort((a, b) => b.count - a.count)[0];
    listed.add(t.term);
    if (best && best.count >= USUAL_MIN && best.count >= 2 * own.count) formulations.push({ term: t.term, reason: "rarer", use: own, alternative: best, early: null, late: null });
  }
  // the draft's word types: vocab id, or null for a word the corpus never has
  const words = new Map<string, number | null>();
  for (const t of input.tokens) {
    const id = corpus.termIds.get(t);
    if (t.length < 2 || /[\dxX×_*~]/.test(t) || words.has(t)) continue;
    if (id === undefined) words.set(t, null);
    else if (ix.tokenClasses[id] & WORD && !corpus.isStopword[id]) words.set(t, id);
  }
  const total = countTerms(corpus, all);
  const alternativeOf = (term: string) => input.terms.find((x) => x.term === term);
  // fell: the reports with a year, split at the median year into an earlier and a later period
  const dated = all.filter((d) => d.report.year !== null).sort((a, b) => a.report.year! - b.report.year!);
  const split = dated.length ? dated[Math.floor(dated.length / 2)].report.year! : 0;
  const early = dated.filter((d) => d.report.year! < split);
  const late = dated.filter((d) => d.report.year! >= split);
  const yearsCompared = early.length >= PERIOD_MIN_REPORTS && late.length >= PERIOD_MIN_REPORTS;
  if (yearsCompared) {
    const [e, l] = [countTerms(corpus, early), countTerms(corpus, late)];
    const period = (docs: CorpusDoc[], c: typeof e, id: number) => ({ from: docs[0].report.year!, to: docs[docs.length - 1].report.year!, count: c.counts[id], reports: c.docFreq[id], chars: c.chars, per10k: rates(c.counts[id], c.chars, 1).per10k });
    const fell: { id: number; g2: number }[] = [];
    for (const id of words.values()) {
      if (id === null || e.counts[id] < FELL_MIN) continue;
      const [a, b] = [e.counts[id], l.counts[id]];
      if (b / l.chars > 0.5 * (a / e.chars)) continue;
      const expA = ((a + b) * e.chars) / (e.chars + l.chars);
      const g2 = logLikelihood([a, b], [expA, a + b - expA]);
      if (g2 >= 3.84) fell.push({ id, g2 });
    }
    for (const { id } of fell.sort((x, y) => y.g2 - x.g2).slice(0, FORMULATIONS_MAX)) {
      const term = corpus.vocab[id];
      const syn = alternativeOf(term)?.others.find((o) => !o.term.includes(term) && !term.includes(o.term));
      formulations.push({ term, reason: "fell", use: { term, count: total.counts[id], reports: total.docFreq[id], per10k: rates(total.counts[id], chars, 1).per10k }, alternative: syn ? use(syn.term, syn.alternatives) : null, early: period(early, e, id), late: period(late, l, id) });
    }
  }
  const rare = [...words]
    .map(([term, id]) => (id === null ? { term, count: 0, reports: 0 } : { term, count: total.counts[id], reports: total.docFreq[id] }))
    .filter((w) => w.count <= 1 && !listed.has(w.term))
    .sort((a, b) => a.count - b.count || b.term.length - a.term.length)
    .slice(0, FORMULATIONS_MAX);
  for (const w of rare) formulations.push({ term: w.term, reason: "rare", use: { ...w, per10k: rates(w.count, chars, 1).per10k }, alternative: null, early: null, late: null });

  return {
    sector: input.sector,
    docType: input.docType,
    basis: { sector: level.sector, docTypes: level.docTypes, reports: basis.length, widened: level !== levels[0], min: BASIS_MIN },
    threshold: MISSING_AT,
    outline: headingsOf(input.text),
    parts: draftParts,
    kinds,
    paragraphs,
    similarScope: { sector: scoped ? input.sector : null, reports: scope.length },
    formulations,
    corpus: { reports: all.length, chars, withYear: dated.length, yearsCompared, periodMin: PERIOD_MIN_REPORTS },
  };
}

function ref(doc: CorpusDoc, p: Part) {
  const r = doc.report;
  return { reportId: r.id, title: r.title, sector: r.sector, docType: r.docType, year: r.year, start: p.start, end: p.end, text: p.text, via: p.via };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
