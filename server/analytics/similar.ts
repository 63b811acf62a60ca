// The corpus sentences most like a pasted sentence (writers' "has anyone said this before?").
//
// Sentences (split at 。！？；… and paragraph breaks) are indexed once per corpus, lazily, in a
// WeakMap: postings from each non-stopword word type to the sentences holding it (CSR layout:
// varint gaps, ~1.4 bytes per distinct word per sentence) and each sentence's TF-IDF norm.
// A query scores candidates by binary TF-IDF cosine over word tokens (idf = ln(1 + S/df)); the
// best CANDIDATES are re-scored as 0.7·word cosine + 0.3·char-bigram cosine, which forgives
// segmentation differences (职工之家 vs 职工 之家). Scores are in 0..1.
// Index build O(tokens of corpus); query O(sum of postings of the query words + CANDIDATES · len).
import { tokenStart } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { forEachSentence } from "./shared/sentenceIndex.ts";
import { WORD } from "./shared/tokenClasses.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { z } from "zod";
import type { SimilarResponseSchema } from "../../core/api/schema.ts";

type SimilarResponse = z.infer<typeof SimilarResponseSchema>;

const CANDIDATES = 200;

export interface SimilarOptions {
  /** the segmenter's tokens of the pasted text */
  tokens: string[];
  limit?: number;
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
  if (!qNorm) return { rows: [] };

  const dot = new Map<number, number>();
  for (const [id, w] of query) {
    forEachSentence(index, id, (s) => {
      if (allowed[index.sentDoc[s]]) dot.set(s, (dot.get(s) ?? 0) + w * w);
    });
  }
  const queryText = options.tokens.join("");
  const qBigrams = bigrams(queryText);
  const scored = [...dot]
    .map(([s, d]) => [s, d / (qNorm * index.norm[s])] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
    .map(([s, cos]) => {
      const doc = corpus.docs[index.sentDoc[s]];
      const start = tokenStart(corpus, doc, index.sentStart[s]);
      const text = doc.report.text.slice(start, tokenStart(corpus, doc, index.sentEnd[s]));
      return { doc, start, text, score: 0.7 * Math.min(1, cos) + 0.3 * bigramCosine(qBigrams, bigrams(text)) };
    })
    .sort((a, b) => b.score - a.score);

  // the same sentence in several reports (templates, near-copies) is shown once
  const seen = new Set<string>();
  const rows: SimilarRow[] = [];
  for (const { doc, start, text, score } of scored) {
    if (seen.has(text)) continue;
    seen.add(text);
    const r = doc.report;
    rows.push({ reportId: r.id, title: r.title, sector: r.sector, year: r.year, text, start, score });
    if (rows.length >= limit) break;
  }
  return { rows };
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

function bigramCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
