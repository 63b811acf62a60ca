// "How do reports phrase it?" — the sentences that use a term, clustered by shared frame.
//
// Each sentence holding the term (split at 。！？；… and paragraph breaks, clipped to 30 words each
// side of the term) becomes its sequence of word tokens; numbers and placeholders (2023, xx, 20xx,
// 三) are dropped so they fall into gaps. Sentences are clustered greedily, longest first: a
// sentence joins the most similar cluster whose representative (its first member) has
// Dice-on-LCS 2·LCS/(|a|+|b|) ≥ 0.5, else founds a new one. The pattern is the LCS folded over
// all members, shown with "…" where some member has words between two pattern words.
//
// Cost is bounded: at most MAX_SENTENCES sentences (an even sample when there are more), LCS only
// for candidate clusters that share a non-term word with the sentence and whose multiset overlap
// could reach the threshold, at most MAX_LCS of those per sentence. Each LCS is ≤ 61×61 cells.
import { tokenStart, tokenStarts } from "../../core/corpus/offsets.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { PhrasingResponse } from "../../core/api/schema.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { compileTerm, forEachMatch } from "../../core/corpus/match.ts";
import { gdex } from "./shared/gdex.ts";
import { lcs } from "./shared/lcs.ts";
import { sentenceRange } from "./shared/sentenceRange.ts";
import { NUMERIC, WORD } from "./shared/tokenClasses.ts";

const MAX_SENTENCES = 2000;
const MAX_LCS = 20;
const CLIP_WORDS = 30;
const THRESHOLD = 0.5;

export interface PhrasingOptions {
  /** the term and its synonyms as token sequences (core/query.ts parseTerm) */
  alternatives: string[][];
  term: string;
  /** clusters returned; default 20 */
  limit?: number;
}

/** A cluster (gaps: inner gaps in the pattern; sectors: sector → reports) and its examples (marks: char ranges of `text` not in the pattern). */
export type PhrasingCluster = PhrasingResponse["clusters"][number];
export type PhrasingExample = PhrasingCluster["examples"][number];

/** total: sentences holding the term; considered: those clustered (total, or MAX_SENTENCES when sampled). The route adds `matched`. */
export type PhrasingResult = Omit<PhrasingResponse, "matched">;

interface Sentence {
  doc: CorpusDoc;
  start: number;
  end: number;
  termStart: number;
  termEnd: number;
  /** word-token positions (into doc.tokenIds) of the representation, and their ids */
  pos: number[];
  ids: number[];
}

export function phrasing(corpus: Corpus, docs: CorpusDoc[], options: PhrasingOptions, ix: Pick<CorpusIndexes, "tokenClasses">): PhrasingResult {
  const flags = ix.tokenClasses;
  const term = compileTerm(corpus, options.alternatives);
  if (!term.length) return { term: options.term, total: 0, considered: 0, clusters: [] };

  const found: Omit<Sentence, "pos" | "ids">[] = [];
  for (const doc of docs) {
    let lastStart = -1;
    forEachMatch(corpus, doc, term, (ts, te) => {
      const [start, end] = sentenceRange(doc.tokenIds, ts, te, flags, CLIP_WORDS);
      if (start === lastStart) return; // the term twice in one sentence
      lastStart = start;
      found.push({ doc, start, end, termStart: ts, termEnd: te });
    });
  }
  const step = Math.max(1, found.length / MAX_SENTENCES);
  const sentences: Sentence[] = [];
  for (let k = 0; k < found.length && sentences.length < MAX_SENTENCES; k++) {
    const f = found[Math.floor(k * step)];
    if (!f) break;
    const pos: number[] = [];
    for (let i = f.start; i < f.end; i++) {
      const fl = flags[f.doc.tokenIds[i]];
      if (fl & WORD && !(fl & NUMERIC)) pos.push(i);
    }
    sentences.push({ ...f, pos, ids: pos.map((i) => f.doc.tokenIds[i]) });
  }
  sentences.sort((a, b) => b.ids.length - a.ids.length);

  const termIds = new Set(term.flat());
  const clusters: Sentence[][] = [];
  // token id → [cluster index, count of the token in the representative]
  const postings = new Map<number, [number, number][]>();
  const overlap = new Map<number, number>();
  for (const s of sentences) {
    const bag = countBag(s.ids, termIds, corpus.isStopword);
    overlap.clear();
    for (const [id, n] of bag) {
      for (const [c, m] of postings.get(id) ?? []) overlap.set(c, (overlap.get(c) ?? 0) + Math.min(n, m));
    }
    const candidates = [...overlap]
      .map(([c, o]) => [c, o + term[0].length] as const)
      .filter(([c, bound]) => (2 * bound) / (s.ids.length + clusters[c][0].ids.length) >= THRESHOLD)
      .sort((x, y) => y[1] - x[1])
      .slice(0, MAX_LCS);
    let best = -1;
    let bestScore = THRESHOLD;
    for (const [c] of candidates) {
      const rep = clusters[c][0];
      const score = (2 * lcs(s.ids, rep.ids).length) / (s.ids.length + rep.ids.length);
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = c;
        bestScore = score;
      }
    }
    if (best >= 0) {
      clusters[best].push(s);
      continue;
    }
    clusters.push([s]);
    for (const [id, n] of bag) {
      const list = postings.get(id) ?? [];
      list.push([clusters.length - 1, n]);
      postings.set(id, list);
    }
  }

  const out = clusters.map((members) => describe(corpus, members, flags));
  // among clusters as widespread, the one with the best example first (shared/gdex.ts): shortest
  // pattern first alone put the headings and list stubs (一是坚持职工代表大会制度。) on top
  const best = new Map(out.map((c) => [c, c.examples.length ? gdex(c.examples[0].text).score : 0]));
  out.sort((a, b) => b.reports - a.reports || b.sentences - a.sentences || best.get(b)! - best.get(a)! || a.pattern.length - b.pattern.length);
  return { term: options.term, total: found.length, considered: sentences.length, clusters: out.slice(0, options.limit ?? 20) };
}

/**
 * Multiset of the sentence's ids, without the term (shared by all) and stopwords (shared by most).
 * A sentence with nothing else gets the key -1, so bare mentions still cluster with each other.
 */
function countBag(ids: number[], termIds: Set<number>, isStopword: Uint8Array): Map<number, number> {
  const bag = new Map<number, number>();
  for (const id of ids) if (!termIds.has(id) && !isStopword[id]) bag.set(id, (bag.get(id) ?? 0) + 1);
  if (!bag.size) bag.set(-1, 1);
  return bag;
}

function describe(corpus: Corpus, members: Sentence[], flags: Uint8Array): PhrasingCluster {
  let pattern = members[0].ids;
  for (const m of members.slice(1)) {
    const { inA } = lcs(pattern, m.ids);
    pattern = inA.map((i) => pattern[i]);
  }
  // align every member to the final pattern: which of its word tokens belong to the pattern
  const alignments = members.map((m) => lcs(pattern, m.ids).inB.map((k) => m.pos[k]));
  const gapAfter = new Uint8Array(Math.max(0, pattern.length - 1));
  members.forEach((m, k) => {
    const at = alignments[k];
    for (let p = 0; p + 1 < at.length; p++) {
      for (let i = at[p] + 1; i < at[p + 1]; i++) if (flags[m.doc.tokenIds[i]] & WORD) gapAfter[p] = 1;
    }
  });
  const rep = members[0];
  const repAt = alignments[0];
  let text = "";
  for (let p = 0; p < repAt.length; p++) {
    text += corpus.vocab[rep.doc.tokenIds[repAt[p]]];
    if (p + 1 < repAt.length) {
      // keep the representative's punctuation between pattern words unless it is a gap
      text += gapAfter[p] ? "…" : textBetween(corpus, rep, repAt[p] + 1, repAt[p + 1]);
    }
  }
  const reportsSeen = new Set<string>();
  const sectors: Record<string, number> = {};
  for (const m of members) {
    if (reportsSeen.has(m.doc.report.id)) continue;
    reportsSeen.add(m.doc.report.id);
    sectors[m.doc.report.sector] = (sectors[m.doc.report.sector] ?? 0) + 1;
  }
  return {
    pattern: text,
    gaps: gapAfter.reduce((a, b) => a + b, 0),
    reports: reportsSeen.size,
    sectors,
    sentences: members.length,
    examples: pickExamples(corpus, members, alignments, flags),
  };
}

function textBetween(corpus: Corpus, s: Sentence, from: number, to: number): string {
  return s.doc.report.text.slice(tokenStart(corpus, s.doc, from), tokenStart(corpus, s.doc, to));
}

/** Up to three examples, best first (shared/gdex.ts), from different reports and with different texts where possible. */
function pickExamples(corpus: Corpus, members: Sentence[], alignments: number[][], flags: Uint8Array): PhrasingExample[] {
  const out: PhrasingExample[] = [];
  const usedReports = new Set<string>();
  const usedTexts = new Set<string>();
  const texts = members.map((m) => {
    const starts = tokenStarts(corpus, m.doc);
    return m.doc.report.text.slice(starts(m.start), starts(m.end));
  });
  const scores = texts.map((t) => gdex(t).score);
  // by score, ties in cluster order (the representative first)
  const byScore = members.map((_, k) => k).sort((a, b) => scores[b] - scores[a] || a - b);
  for (const pass of [0, 1]) {
    byScore.forEach((k) => {
      const m = members[k];
      if (out.length >= 3) return;
      const { report } = m.doc;
      const starts = tokenStarts(corpus, m.doc);
      const base = starts(m.start);
      const text = texts[k];
      if (usedTexts.has(text) || (pass === 0 && usedReports.has(report.id))) return;
      usedTexts.add(text);
      usedReports.add(report.id);
      const inPattern = new Set(alignments[k]);
      const marks: [number, number][] = [];
      for (let i = m.start; i < m.end; i++) {
        if (!(flags[m.doc.tokenIds[i]] & WORD) || inPattern.has(i)) continue;
        const s = starts(i) - base;
        const e = starts(i + 1) - base;
        const last = marks[marks.length - 1];
        if (last && last[1] === s) last[1] = e;
        else marks.push([s, e]);
      }
      out.push({
        reportId: report.id,
        title: report.title,
        sector: report.sector,
        text,
        marks,
        termAt: [starts(m.termStart) - base, starts(m.termEnd) - base],
      });
    });
  }
  return out;
}
