// Builds the in-memory Corpus from segmented reports, and selects documents from it.
// buildCorpus is O(total chars) time; memory is one array of token ids per report (2 bytes a
// token while the vocabulary fits in 16 bits, else 4; plus an offset every CHECKPOINT tokens) and
// one vocabulary — no object per token.
import { isWord } from "../text/segment.ts";
import type { Kind, Report } from "../model.ts";
import { CHECKPOINT, CHECKPOINT_SHIFT, checkpointCount } from "./offsets.ts";
import type { Corpus, CorpusDoc, TokenIds } from "./types.ts";

/** Vocabulary sizes up to this fit 16-bit token ids. */
const NARROW_VOCAB = 0x10000;

export interface CorpusEntry {
  report: Report;
  tokens: string[];
}

export function buildCorpus(entries: Iterable<CorpusEntry>, stopwords: Iterable<string>): Corpus {
  const vocab: string[] = [];
  const termIds = new Map<string, number>();
  // Grows with the vocabulary so word counts can be taken while interning, in one pass.
  const wordFlags: number[] = [];
  const docs: CorpusDoc[] = [];
  const byId = new Map<string, CorpusDoc>();
  // Ids are collected at full width, then copied into a doc array of the width the vocabulary
  // needs so far; the first doc that takes the vocabulary past 16 bits widens all before it.
  let scratch = new Uint32Array(1024);
  let wide = false;

  for (const { report, tokens } of entries) {
    const text = report.text;
    if (tokens.length > scratch.length) scratch = new Uint32Array(Math.max(tokens.length, 2 * scratch.length));
    const checkpoints = new Uint32Array(checkpointCount(tokens.length));
    let pos = 0;
    let wordCount = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      // startsWith instead of join(): no copy of the text, and the error can say where it broke.
      if (!token || !text.startsWith(token, pos)) {
        throw new Error(`buildCorpus: tokens of report ${report.id} do not cover its text at char ${pos} (token ${i}: ${JSON.stringify(token)})`);
      }
      let id = termIds.get(token);
      if (id === undefined) {
        id = vocab.length;
        vocab.push(token);
        termIds.set(token, id);
        wordFlags.push(isWord(token) ? 1 : 0);
      }
      scratch[i] = id;
      if ((i & (CHECKPOINT - 1)) === 0) checkpoints[i >>> CHECKPOINT_SHIFT] = pos;
      pos += token.length;
      wordCount += wordFlags[id];
    }
    if (pos !== text.length) {
      throw new Error(`buildCorpus: tokens of report ${report.id} cover ${pos} of ${text.length} chars`);
    }
    if ((tokens.length & (CHECKPOINT - 1)) === 0) checkpoints[tokens.length >>> CHECKPOINT_SHIFT] = pos;
    if (byId.has(report.id)) throw new Error(`buildCorpus: duplicate report id ${report.id}`);
    if (!wide && vocab.length > NARROW_VOCAB) {
      wide = true;
      for (const d of docs) d.tokenIds = new Uint32Array(d.tokenIds);
    }
    const ids = scratch.subarray(0, tokens.length);
    const tokenIds: TokenIds = wide ? ids.slice() : new Uint16Array(ids);
    const doc: CorpusDoc = { report, tokenIds, checkpoints, wordCount };
    docs.push(doc);
    byId.set(report.id, doc);
  }

  const stop = new Set(stopwords);
  const isStopword = new Uint8Array(vocab.length);
  for (let id = 0; id < vocab.length; id++) if (stop.has(vocab[id])) isStopword[id] = 1;
  const termLength = Uint32Array.from(vocab, (t) => t.length);
  return { docs, byId, vocab, termIds, termLength, isWord: Uint8Array.from(wordFlags), isStopword };
}

export interface DocFilter {
  sector?: string[];
  year?: number;
  yearFrom?: number;
  yearTo?: number;
  docType?: string[];
  level?: string[];
  /** default "report": related-document excerpts are left out unless asked for */
  kind?: Kind;
  /** default false: near-duplicate copies (duplicateOf set) would count the same text twice */
  includeDuplicates?: boolean;
  ids?: Set<string>;
}

/** OR within a facet, AND across facets. A year filter excludes reports whose year is unknown. O(docs). */
export function selectDocs(corpus: Corpus, filter: DocFilter): CorpusDoc[] {
  const kind = filter.kind ?? "report";
  const sectors = filter.sector?.length ? new Set(filter.sector) : null;
  const docTypes = filter.docType?.length ? new Set(filter.docType) : null;
  const levels = filter.level?.length ? new Set(filter.level) : null;
  const byYear = filter.year !== undefined || filter.yearFrom !== undefined || filter.yearTo !== undefined;
  return corpus.docs.filter(({ report: r }) => {
    if (r.kind !== kind) return false;
    if (!filter.includeDuplicates && r.duplicateOf !== null) return false;
    if (sectors && !sectors.has(r.sector)) return false;
    if (docTypes && !docTypes.has(r.docType)) return false;
    if (levels && !levels.has(r.level)) return false;
    if (filter.ids && !filter.ids.has(r.id)) return false;
    if (byYear) {
      if (r.year === null) return false;
      if (filter.year !== undefined && r.year !== filter.year) return false;
      if (filter.yearFrom !== undefined && r.year < filter.yearFrom) return false;
      if (filter.yearTo !== undefined && r.year > filter.yearTo) return false;
    }
    return true;
  });
}

/**
 * Word mode: docs containing every word token of the query (anywhere, any order).
 * A query with no word token (only punctuation) falls back to substring matching.
 * Substring mode: docs whose text contains `raw`. O(tokens of docs) / O(chars of docs).
 */
export function matchQuery(corpus: Corpus, docs: CorpusDoc[], tokens: string[], mode: "word" | "substring", raw: string): CorpusDoc[] {
  const words = [...new Set(tokens.filter(isWord))];
  if (mode === "substring" || words.length === 0) {
    return raw ? docs.filter((d) => d.report.text.includes(raw)) : [];
  }
  const ids: number[] = [];
  for (const w of words) {
    const id = corpus.termIds.get(w);
    if (id === undefined) return [];
    ids.push(id);
  }
  // A vocab-sized slot table beats a Set lookup per token on long documents.
  const slot = new Int32Array(corpus.vocab.length).fill(-1);
  ids.forEach((id, k) => (slot[id] = k));
  const seen = new Uint8Array(ids.length);
  return docs.filter((d) => {
    seen.fill(0);
    let found = 0;
    const t = d.tokenIds;
    for (let i = 0; i < t.length && found < ids.length; i++) {
      const k = slot[t[i]];
      if (k >= 0 && !seen[k]) {
        seen[k] = 1;
        found++;
      }
    }
    return found === ids.length;
  });
}
