// Recurring formulas with a gap, mined across reports: 以…为抓手, 围绕…中心, 把…作为, 与…相结合,
// plus enumerations 一是…二是…三是… (and 一要…二要…).
//
// A frame is (left word, gap of 1–MAX_GAP words, right word) inside one clause — a run of word
// tokens with no punctuation or space, so a frame never straddles a comma. The left word must be
// one of the ANCHORS most widespread words (formulas open with common words: 以 围绕 把 坚持 与);
// the right word may be any word (抓手, 相结合 are rarer). Phase 1 counts frames under numeric
// keys; frames pass when they occur in ≥ min reports and at least ASSOCIATION times more often
// than two independent words would (count ≥ ASSOCIATION · f(L)·f(R)·MAX_GAP/N) — that removes
// 工会…的 and other pairs of merely frequent words. Phase 2 rescans for the survivors' fillers; a
// word that starts or ends every filler is moved into the anchor (以 X 为 抓手 → 以…为抓手). A frame
// is kept when its fillers still vary: ≥ 3 distinct, none taking more than half the uses (else it
// is a set phrase), and its anchors have ≥ 3 chars together (的…的 and 在…中 are grammar).
//
// Cost is bounded: frames are mined from at most MAX_WORDS word tokens (an even sample of the
// docs when there are more; `sampledDocs` says how many). Time O(sampled tokens · MAX_GAP) map
// updates per phase; memory O(distinct frames). The route should cache the result per filter.
import type { z } from "zod";
import type { FormulasResponseSchema } from "../../core/api/schema.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { countTerms } from "./shared/countTerms.ts";
import { enumerations } from "./shared/enumerations.ts";
import { NUMERIC, WORD } from "./shared/tokenClasses.ts";

const ANCHORS = 400;
const MAX_GAP = 5;
const MAX_WORDS = 3_000_000;
const ASSOCIATION = 4;
const TOP_FILLERS = 5;

export interface FormulasOptions {
  /** minimum reports; default 3 */
  min?: number;
  /** default 50 */
  limit?: number;
}

export type FormulasResult = z.infer<typeof FormulasResponseSchema>;
/** sectors: sector → reports; fillers: per gap, the most frequent fillers */
export type FormulaRow = FormulasResult["rows"][number];

interface Uses {
  count: number;
  sectors: Record<string, number>;
  lastDoc: number;
  /** filler as its token ids joined by "," → uses */
  fillers: Map<string, number>;
}

export function formulas(corpus: Corpus, docs: CorpusDoc[], options: FormulasOptions, ix: Pick<CorpusIndexes, "tokenClasses">): FormulasResult {
  const min = options.min ?? 3;
  const limit = options.limit ?? 50;
  const flags = ix.tokenClasses;
  const V = corpus.vocab.length;
  const sample = sampleDocs(docs);
  const { counts: freq, docFreq, words: N } = countTerms(corpus, sample);
  const anchor = pickAnchors(docFreq, flags);
  const isRight = (id: number) => flags[id] & WORD && !(flags[id] & NUMERIC);

  // phase 1: frame counts and report counts under key L·V + R
  const count = new Map<number, number>();
  const reports = new Map<number, number>();
  const seenIn = new Map<number, number>();
  forEachFrame(sample, flags, anchor, isRight, (d, L, R) => {
    const key = L * V + R;
    count.set(key, (count.get(key) ?? 0) + 1);
    if (seenIn.get(key) !== d) {
      seenIn.set(key, d);
      reports.set(key, (reports.get(key) ?? 0) + 1);
    }
  });
  const survivors = new Map<number, Uses>();
  for (const [key, c] of count) {
    const L = Math.floor(key / V);
    const R = key % V;
    const expected = (freq[L] * freq[R] * MAX_GAP) / N;
    if (reports.get(key)! >= min && c >= ASSOCIATION * expected) survivors.set(key, { count: 0, sectors: {}, lastDoc: -1, fillers: new Map() });
  }

  // phase 2: fillers and sectors of the survivors only
  forEachFrame(sample, flags, anchor, isRight, (d, L, R, doc, from, to) => {
    const u = survivors.get(L * V + R);
    if (!u) return;
    u.count++;
    const filler = Array.from(doc.tokenIds.subarray(from, to)).join(",");
    u.fillers.set(filler, (u.fillers.get(filler) ?? 0) + 1);
    if (u.lastDoc !== d) {
      u.lastDoc = d;
      u.sectors[doc.report.sector] = (u.sectors[doc.report.sector] ?? 0) + 1;
    }
  });

  const rows: FormulaRow[] = [];
  for (const [key, u] of survivors) {
    const row = describe(corpus, Math.floor(key / V), key % V, u);
    if (row) rows.push(row);
  }
  rows.push(...enumerations(sample, min));
  rows.sort((a, b) => b.reports - a.reports || b.count - a.count || (a.pattern < b.pattern ? -1 : 1));
  return { sampledDocs: sample.length, rows: dedupe(rows).slice(0, limit) };
}

/** Calls back for every (left anchor, gap [from,to), right word) inside a clause. */
function forEachFrame(
  docs: CorpusDoc[],
  flags: Uint8Array,
  anchor: Uint8Array,
  isRight: (id: number) => unknown,
  onFrame: (d: number, L: number, R: number, doc: CorpusDoc, from: number, to: number) => void,
): void {
  docs.forEach((doc, d) => {
    const ids = doc.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      if (!anchor[ids[i]]) continue;
      for (let g = 1; g <= MAX_GAP; g++) {
        const r = i + g + 1;
        if (r >= ids.length || !(flags[ids[r - 1]] & WORD) || !(flags[ids[r]] & WORD)) break;
        if (isRight(ids[r])) onFrame(d, ids[i], ids[r], doc, i + 1, r);
      }
    }
  });
}

function describe(corpus: Corpus, L: number, R: number, u: Uses): FormulaRow | null {
  let fillers = [...u.fillers].map(([k, n]) => [k.split(",").map(Number), n] as const);
  let left = corpus.vocab[L];
  let right = corpus.vocab[R];
  // a word shared by the start (end) of every filler belongs to the left (right) anchor
  for (;;) {
    const first = fillers[0][0][0];
    if (fillers.every(([f]) => f.length > 1 && f[0] === first)) {
      left += corpus.vocab[first];
      fillers = fillers.map(([f, n]) => [f.slice(1), n] as const);
      continue;
    }
    const last = fillers[0][0][fillers[0][0].length - 1];
    if (fillers.every(([f]) => f.length > 1 && f[f.length - 1] === last)) {
      right = corpus.vocab[last] + right;
      fillers = fillers.map(([f, n]) => [f.slice(0, -1), n] as const);
      continue;
    }
    break;
  }
  const merged = new Map<string, number>();
  for (const [f, n] of fillers) {
    const text = f.map((id) => corpus.vocab[id]).join("");
    merged.set(text, (merged.get(text) ?? 0) + n);
  }
  const top = Math.max(...merged.values());
  if (merged.size < 3 || top > u.count / 2 || (left + right).length < 3) return null;
  const list = [...merged]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_FILLERS)
    .map(([text, count]) => ({ text, count }));
  const reports = Object.values(u.sectors).reduce((a, b) => a + b, 0);
  return { pattern: `${left}…${right}`, count: u.count, reports, sectors: u.sectors, fillers: [list] };
}

/** Absorbing words can make two frames print the same pattern; keep the first (most reports). */
function dedupe(rows: FormulaRow[]): FormulaRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.pattern) && seen.add(r.pattern));
}

function sampleDocs(docs: CorpusDoc[]): CorpusDoc[] {
  const words = docs.reduce((n, d) => n + d.wordCount, 0);
  if (words <= MAX_WORDS) return docs;
  const step = words / MAX_WORDS;
  const out: CorpusDoc[] = [];
  for (let k = 0; k < docs.length; k += step) out.push(docs[Math.floor(k)]);
  return out;
}

/** The ANCHORS word types found in the most docs (numbers and placeholders excluded). */
function pickAnchors(docFreq: Uint32Array, flags: Uint8Array): Uint8Array {
  const ids: number[] = [];
  for (let id = 0; id < docFreq.length; id++) if (docFreq[id] >= 2 && flags[id] & WORD && !(flags[id] & NUMERIC)) ids.push(id);
  ids.sort((a, b) => docFreq[b] - docFreq[a] || a - b);
  const anchor = new Uint8Array(docFreq.length);
  for (const id of ids.slice(0, ANCHORS)) anchor[id] = 1;
  return anchor;
}
