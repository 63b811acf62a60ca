// A Corpus over a loaded image, in any thread: token ids and checkpoints are views on the shared
// buffers (no copy); a report's text and lists are read from the image file when asked (cold.ts)
// and the last few are kept, so a loop over docs reads each once and the thread never holds every
// text. Report metadata come from the image's table (metaTable.ts); a correction sets a field.
//
// A report object holds only its index (under a symbol); every field is an accessor, and every
// report shares the same accessor functions: a getter made per report (a closure each) gave every
// report object its own hidden class — 2.3 KB a report, ~300 MB per thread at 100k reports (issue 13).
import { isWord } from "../text/segment.ts";
import type { Report } from "../model.ts";
import { checkpointCount } from "../corpus/offsets.ts";
import type { Corpus, CorpusDoc, TokenIds } from "../corpus/types.ts";
import { recentlyRead } from "../recent.ts";
import { coldSection } from "./cold.ts";
import { DETAIL_FIELDS, detailSection } from "./layout.ts";
import { metaAccessors, metaColumn, META_VALUES } from "./metaTable.ts";
import { sectionArray, type LoadedImage } from "./reader.ts";

const TEXT_CACHE = 64;
/** reports whose lists a thread keeps, per field: a search page looks up each hit's section title */
const DETAIL_CACHE: Record<(typeof DETAIL_FIELDS)[number], number> = { paragraphs: 256, sections: 4096, sectorEvidence: 256, duplicates: 256 };

/** Where a report object keeps its index in corpus.docs (not enumerable: a symbol). */
const DOC = Symbol("doc");
type Indexed = { [DOC]: number };

export function attachImage(image: LoadedImage, stopwords: Iterable<string>): Corpus {
  const n = image.header.docs;
  const texts = coldSection(image, "texts");
  const textOffsets = sectionArray<Uint32Array>(image, "textOffsets");
  const tokenIds = sectionArray<TokenIds>(image, "tokenIds");
  const tokenOffsets = sectionArray<Uint32Array>(image, "tokenOffsets");
  const checkpoints = sectionArray<Uint32Array>(image, "checkpoints");
  const wordCounts = sectionArray<Uint32Array>(image, "wordCounts");
  const tagIds = sectionArray<Uint8Array>(image, "tagIds");
  const tagNames = JSON.parse(Buffer.from(image.buffers.tagNames).toString("utf8")) as string[];

  const vocabChars = Buffer.from(image.buffers.vocabChars).toString("utf16le");
  const vocabOffsets = sectionArray<Uint32Array>(image, "vocabOffsets");
  const V = image.header.vocab;
  const vocab = new Array<string>(V);
  const termIds = new Map<string, number>();
  for (let v = 0; v < V; v++) {
    vocab[v] = vocabChars.slice(vocabOffsets[v], vocabOffsets[v + 1]);
    termIds.set(vocab[v], v);
  }

  const textOf = recentlyRead(TEXT_CACHE, (d: number) => texts.string(2 * textOffsets[d], 2 * textOffsets[d + 1], "utf16le"));
  const listOf = (field: (typeof DETAIL_FIELDS)[number]) => {
    const json = coldSection(image, detailSection(field));
    const offsets = sectionArray<Uint32Array>(image, `${detailSection(field)}.offsets`);
    return recentlyRead(DETAIL_CACHE[field], (d: number) => JSON.parse(json.string(offsets[d], offsets[d + 1], "utf8")) as unknown);
  };
  const table = JSON.parse(Buffer.from(image.buffers[META_VALUES]).toString("utf8")) as { fields: string[]; values: unknown[][] };
  const columns = table.fields.map((f) => sectionArray<Uint32Array>(image, metaColumn(f)));
  const accessors: PropertyDescriptorMap = {
    ...metaAccessors({ ...table, columns }, (self) => (self as Indexed)[DOC]),
    text: { get: function (this: Indexed) { return textOf(this[DOC]); }, enumerable: true, configurable: true },
  };
  for (const k of DETAIL_FIELDS) {
    const read = listOf(k);
    accessors[k] = { get: function (this: Indexed) { return read(this[DOC]); }, enumerable: true, configurable: true };
  }

  const docs = new Array<CorpusDoc>(n);
  const byId = new Map<string, CorpusDoc>();
  let cp = 0;
  for (let d = 0; d < n; d++) {
    const report = Object.defineProperties(Object.defineProperty({}, DOC, { value: d }), accessors) as Report;
    const tokens = tokenIds.subarray(tokenOffsets[d], tokenOffsets[d + 1]);
    const k = checkpointCount(tokens.length);
    const tags = tagIds.subarray(tokenOffsets[d], tokenOffsets[d + 1]);
    const doc: CorpusDoc = { report, tokenIds: tokens, checkpoints: checkpoints.subarray(cp, cp + k), wordCount: wordCounts[d], tagIds: tags };
    cp += k;
    docs[d] = doc;
    byId.set(report.id, doc);
  }

  const stop = new Set(stopwords);
  return {
    docs,
    byId,
    vocab,
    termIds,
    termLength: Uint32Array.from(vocab, (t) => t.length),
    isWord: Uint8Array.from(vocab, (t) => (isWord(t) ? 1 : 0)),
    isStopword: Uint8Array.from(vocab, (t) => (stop.has(t) ? 1 : 0)),
    isSpace: Uint8Array.from(vocab, (t) => (/^[^\S\n]+$/.test(t) ? 1 : 0)),
    tagNames,
    textSlice: (doc, from, to) => {
      const d = (doc.report as unknown as Indexed)[DOC];
      const start = textOffsets[d];
      const end = textOffsets[d + 1];
      const a = Math.min(Math.max(start + from, start), end);
      return texts.string(2 * a, 2 * Math.max(a, Math.min(start + to, end)), "utf16le");
    },
  };
}
