// Builds the in-memory Corpus from segmented reports (select.ts chooses documents from it).
// buildCorpus is O(total chars) time; memory is one array of token ids per report (2 bytes a
// token while the vocabulary fits in 16 bits, else 4; plus an offset every CHECKPOINT tokens) and
// one vocabulary — no object per token.
import { fold } from "../fold.ts";
import { isWord } from "../text/segment.ts";
import type { Report } from "../model.ts";
import { CHECKPOINT, CHECKPOINT_SHIFT, checkpointCount } from "./offsets.ts";
import type { Corpus, CorpusDoc, TokenIds } from "./types.ts";

/** Vocabulary sizes up to this fit 16-bit token ids. */
const NARROW_VOCAB = 0x10000;

export interface CorpusEntry {
  report: Report;
  tokens: string[];
  /** parts of speech, one per token; absent: every token untagged (tag id 0) */
  tags?: string[];
}

/** Tag ids are bytes: jieba's tag set has about 60 tags. */
const MAX_TAGS = 0x100;

export function buildCorpus(entries: Iterable<CorpusEntry>, stopwords: Iterable<string>): Corpus {
  const vocab: string[] = [];
  const termIds = new Map<string, number>();
  // The vocabulary holds folded terms (core/fold.ts): 職工 in a traditional report is the term 职工.
  // Tokens as written map to their term ids here, so a token is folded once per distinct spelling.
  const idOfToken = new Map<string, number>();
  // Grows with the vocabulary so word counts can be taken while interning, in one pass.
  const wordFlags: number[] = [];
  const docs: CorpusDoc[] = [];
  const byId = new Map<string, CorpusDoc>();
  // Ids are collected at full width, then copied into a doc array of the width the vocabulary
  // needs so far; the first doc that takes the vocabulary past 16 bits widens all before it.
  let scratch = new Uint32Array(1024);
  let wide = false;
  const tagNames = [""];
  const tagIdOf = new Map<string, number>([["", 0]]);

  for (const { report, tokens, tags } of entries) {
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
      let id = idOfToken.get(token);
      if (id === undefined) {
        const term = fold(token);
        id = termIds.get(term);
        if (id === undefined) {
          id = vocab.length;
          vocab.push(term);
          termIds.set(term, id);
          wordFlags.push(isWord(term) ? 1 : 0);
        }
        idOfToken.set(token, id);
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
    const tagIds = new Uint8Array(tokens.length);
    if (tags) {
      if (tags.length !== tokens.length) throw new Error(`buildCorpus: report ${report.id} has ${tokens.length} tokens but ${tags.length} tags`);
      for (let i = 0; i < tags.length; i++) {
        let t = tagIdOf.get(tags[i]);
        if (t === undefined) {
          if (tagNames.length === MAX_TAGS) throw new Error(`buildCorpus: more than ${MAX_TAGS - 1} part-of-speech tags`);
          t = tagNames.length;
          tagNames.push(tags[i]);
          tagIdOf.set(tags[i], t);
        }
        tagIds[i] = t;
      }
    }
    const ids = scratch.subarray(0, tokens.length);
    const tokenIds: TokenIds = wide ? ids.slice() : new Uint16Array(ids);
    const doc: CorpusDoc = { report, tokenIds, checkpoints, wordCount, tagIds };
    docs.push(doc);
    byId.set(report.id, doc);
  }

  const stop = new Set(stopwords);
  const isStopword = new Uint8Array(vocab.length);
  for (let id = 0; id < vocab.length; id++) if (stop.has(vocab[id])) isStopword[id] = 1;
  const termLength = Uint32Array.from(vocab, (t) => t.length);
  const isSpace = Uint8Array.from(vocab, (t) => (/^[^\S\n]+$/.test(t) ? 1 : 0));
  return { docs, byId, vocab, termIds, termLength, isWord: Uint8Array.from(wordFlags), isStopword, isSpace, tagNames, textSlice: (doc, from, to) => doc.report.text.slice(from, to) };
}
