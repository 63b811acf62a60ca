// The corpus sentences most like a pasted sentence (writers' "has anyone said this before?").
//
// Sentences (split at 。！？；… and paragraph breaks) are indexed once per corpus (sentenceIndex):
// postings from each non-stopword word type to the sentences holding it and each sentence's TF-IDF
// norm. A query scores candidates by binary TF-IDF over word tokens (idf = ln(1 + S/df)); the best
// CANDIDATES are re-scored as 0.7·word score + 0.3·char-bigram score, which forgives segmentation
// differences (职工之家 vs 职工 之家). Both are cosines with pivoted length normalisation (Singhal
// et al. 1996), the pivot being the draft: a sentence shorter than the draft is normalised as if it
// were as long, so its score is the share of the draft it covers, not how little else it says.
// A fragment (fewer than FULL_SENTENCE letters and digits, unless the draft is shorter still) is
// weighted by its share of that length: 三是走访慰问 no longer outranks a full sentence that says the
// same thing; the identical sentence still scores 1.
// Sentences with the same words once digits, placeholders and punctuation are gone, or a
// character-bigram cosine ≥ GROUP_AT with a better one, are one row: `reports` says how many
// reports use it and `also` lists the others. A wording used by many reports is a template, not a
// phrasing someone chose: it ranks by its score divided by 1 + ln(reports) / 4 (boilerplate
// down-weighted; the score shown stays the similarity).
// Each row marks the words it shares with the draft (`marks`, ranges of its text).
// Scores are in 0..1. Index build O(tokens of corpus); query O(sum of postings of the query words
// + CANDIDATES · sentence length + CANDIDATES² bigram comparisons for grouping).
import { tokenStart } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { forEachSentence } from "./shared/sentenceIndex.ts";
import { WORD } from "./shared/tokenClasses.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { z } from "zod";
import type { SimilarResponseSchema } from "../../core/api/schema.ts";

type SimilarResponse = z.infer<typeof SimilarResponseSchema>;

const CANDIDATES = 200;
const GROUP_AT = 0.85;
/** letters and digits of a full sentence: shorter ones are fragments (unless the draft is shorter still) */
const FULL_SENTENCE = 16;
const ALSO_MAX = 10;

export interface SimilarOptions {
  /** the segmenter's tokens of the pasted text */
  tokens: string[];
  limit?: number;
  /** old ranking (plain cosine, no grouping, no template weight): kept to measure the new one against */
  plain?: boolean;
}

/** text: the sentence; start: its char offset in report.text */
export type SimilarRow = SimilarResponse["rows"][number];

export function similar(corpus: Corpus, docs: CorpusDoc[], options: SimilarOptions, ix: Pick<CorpusIndexes, "tokenClasses" | "sentenceIndex">): SimilarResponse {
  const limit = options.limit ?? 10;
  const index = ix.sentenceIndex;
  const flags = ix.tokenClasses;
  const allowed = new Uint8Array(corpus.docs.length);
  for (const d of docs) {
    const k = index.docIndex.get(d);
    if (k !== undefined) allowed[k] = 1;
  }

  const query = new Map<number, number>(); // id → idf
  for (const t of options.tokens) {
    const id = corpus.termIds.get(t);
    if (id === undefined || !(flags[id] & WORD) || corpus.isStopword[id]) continue;
    const df = index.df[id];
    if (df) query.set(id, Math.log(1 + index.sentences / df));
  }
  let qNorm = 0;
  for (const w of query.values()) qNorm += w * w;
  qNorm = Math.sqrt(qNorm);
  if (!qNorm) return { rows: [], keyTerms: [] };

  const dot = new Map<number, number>();
  for (const [id, w] of query) {
    forEachSentence(index, id, (s) => {
      if (allowed[index.sentDoc[s]]) dot.set(s, (dot.get(s) ?? 0) + w * w);
    });
  }
  const queryText = options.tokens.join("");
  const qBigrams = bigrams(queryText);
  const qBigramNorm = norm(qBigrams);
  const plain = options.plain ?? false;
  /** a sentence shorter than the draft is normalised as if it were as long: its score is the share of the draft it covers */
  const pivot = (n: number, q: number) => (plain || n >= q ? n : q);
  const fullLength = Math.min(FULL_SENTENCE, [...queryText.replace(/[^\p{L}\p{N}]/gu, "")].length);
  /** fragments (三是走访慰问) weigh by their share of a full sentence's characters */
  const fragment = (text: string) => (plain ? 1 : Math.min(1, [...text.replace(/[^\p{L}\p{N}]/gu, "")].length / fullLength));
  const candidates = [...dot]
    .map(([s, d]) => [s, d / (qNorm * pivot(index.norm[s], qNorm))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
    .map(([s, cos]) => {
      const doc = corpus.docs[index.sentDoc[s]];
      const start = tokenStart(corpus, doc, index.sentStart[s]);
      const text = doc.report.text.slice(start, tokenStart(corpus, doc, index.sentEnd[s]));
      const b = bigrams(text);
      const bn = norm(b);
      const bcos = qBigramNorm && bn ? dotOf(qBigrams, b) / (qBigramNorm * pivot(bn, qBigramNorm)) : 0;
      return { s, doc, start, text, b, bn, key: groupKey(text), score: (0.7 * Math.min(1, cos) + 0.3 * Math.min(1, bcos)) * fragment(text) };
    })
    .sort((a, b) => b.score - a.score);

  /** the sentence's words that are the draft's (its query words), as merged ranges of its text */
  const shared = (s: number): [number, number][] => {
    const doc = corpus.docs[index.sentDoc[s]];
    const base = tokenStart(corpus, doc, index.sentStart[s]);
    const marks: [number, number][] = [];
    for (let i = index.sentStart[s]; i < index.sentEnd[s]; i++) {
      if (!query.has(doc.tokenIds[i])) continue;
      const [a, b] = [tokenStart(corpus, doc, i) - base, tokenStart(corpus, doc, i + 1) - base];
      const last = marks[marks.length - 1];
      if (last && last[1] === a) last[1] = b;
      else marks.push([a, b]);
    }
    return marks;
  };

  if (plain) {
    const seen = new Set<string>();
    const rows: SimilarRow[] = [];
    for (const c of candidates) {
      if (seen.has(c.text)) continue;
      seen.add(c.text);
      rows.push(rowOf(c.doc, c.start, c.text, c.score, [c], shared(c.s)));
      if (rows.length >= limit) break;
    }
    return { rows, keyTerms: keyTerms(corpus, query) };
  }

  // near-identical sentences are one group, led by its best-scored member
  type Candidate = (typeof candidates)[number];
  const groups: Candidate[][] = [];
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    let g = byKey.get(c.key);
    if (!g) g = groups.find((x) => x[0].bn && c.bn && dotOf(x[0].b, c.b) / (x[0].bn * c.bn) >= GROUP_AT);
    if (g) g.push(c);
    else groups.push((g = [c]));
    byKey.set(c.key, g);
  }
  const rows = groups
    .map((g) => {
      const row = rowOf(g[0].doc, g[0].start, g[0].text, g[0].score, g, shared(g[0].s));
      return { row, rank: row.score / (1 + Math.log(row.reports) / 4) };
    })
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map((x) => x.row);
  return { rows, keyTerms: keyTerms(corpus, query) };
}

function rowOf(doc: CorpusDoc, start: number, text: string, score: number, group: { doc: CorpusDoc; start: number }[], marks: [number, number][]): SimilarRow {
  const r = doc.report;
  const seen = new Set([r.id]);
  const also: SimilarRow["also"] = [];
  for (const c of group) {
    if (seen.has(c.doc.report.id)) continue;
    seen.add(c.doc.report.id);
    if (also.length < ALSO_MAX) also.push({ reportId: c.doc.report.id, title: c.doc.report.title, sector: c.doc.report.sector, year: c.doc.report.year, start: c.start });
  }
  return { reportId: r.id, title: r.title, sector: r.sector, year: r.year, text, start, score, reports: seen.size, also, marks };
}

/** The draft's words a writer would look up: the rarest (highest idf) first, at most five, two characters or more. */
function keyTerms(corpus: Corpus, query: Map<number, number>): string[] {
  return [...query]
    .filter(([id]) => corpus.vocab[id].length >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id]) => corpus.vocab[id]);
}

/** What near-copies share: the letters, without digits, placeholders and punctuation. */
function groupKey(text: string): string {
  return text.replace(/[^\p{L}]|[xX]/gu, "").replace(/[〇零一二三四五六七八九十百千万]/g, "");
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, "")];
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i] + chars[i + 1];
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

function norm(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v * v;
  return Math.sqrt(n);
}

function dotOf(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  return dot;
}
