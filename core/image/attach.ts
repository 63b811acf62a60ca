// A Corpus over a loaded image, in any thread: token ids and checkpoints are views on the shared
// buffers (no copy); a report's text is decoded from the shared UTF-16 section when read, and the
// last TEXT_CACHE texts are kept, so a loop over docs decodes each once and the thread never holds
// every text. Report metadata are plain, writable fields (corrections set them); the list fields
// (paragraphs, sections …) are parsed on first read.
import { isWord } from "../text/segment.ts";
import type { Report } from "../model.ts";
import { checkpointCount } from "../corpus/offsets.ts";
import type { Corpus, CorpusDoc, TokenIds } from "../corpus/types.ts";
import { DETAIL_FIELDS } from "./layout.ts";
import { sectionArray, type LoadedImage } from "./reader.ts";

const TEXT_CACHE = 64;

type Meta = Omit<Report, (typeof DETAIL_FIELDS)[number] | "text">;

export function attachImage(image: LoadedImage, stopwords: Iterable<string>): Corpus {
  const n = image.header.docs;
  const texts = Buffer.from(image.buffers.texts);
  const textOffsets = sectionArray<Uint32Array>(image, "textOffsets");
  const tokenIds = sectionArray<TokenIds>(image, "tokenIds");
  const tokenOffsets = sectionArray<Uint32Array>(image, "tokenOffsets");
  const checkpoints = sectionArray<Uint32Array>(image, "checkpoints");
  const wordCounts = sectionArray<Uint32Array>(image, "wordCounts");
  const tagIds = sectionArray<Uint8Array>(image, "tagIds");
  const tagNames = JSON.parse(Buffer.from(image.buffers.tagNames).toString("utf8")) as string[];
  const detail = Buffer.from(image.buffers.detail);
  const detailOffsets = sectionArray<Uint32Array>(image, "detailOffsets");

  const vocabChars = Buffer.from(image.buffers.vocabChars).toString("utf16le");
  const vocabOffsets = sectionArray<Uint32Array>(image, "vocabOffsets");
  const V = image.header.vocab;
  const vocab = new Array<string>(V);
  const termIds = new Map<string, number>();
  for (let v = 0; v < V; v++) {
    vocab[v] = vocabChars.slice(vocabOffsets[v], vocabOffsets[v + 1]);
    termIds.set(vocab[v], v);
  }

  // Most recently read texts, oldest first (a Map keeps insertion order).
  const recent = new Map<number, string>();
  const textOf = (d: number): string => {
    let t = recent.get(d);
    if (t !== undefined) {
      recent.delete(d);
      recent.set(d, t);
      return t;
    }
    t = texts.toString("utf16le", 2 * textOffsets[d], 2 * textOffsets[d + 1]);
    recent.set(d, t);
    if (recent.size > TEXT_CACHE) recent.delete(recent.keys().next().value!);
    return t;
  };

  const metas = JSON.parse(Buffer.from(image.buffers.meta).toString("utf8")) as Meta[];
  const docs = new Array<CorpusDoc>(n);
  const byId = new Map<string, CorpusDoc>();
  let cp = 0;
  for (let d = 0; d < n; d++) {
    const report = metas[d] as Report;
    let lists: Pick<Report, (typeof DETAIL_FIELDS)[number]> | null = null;
    const listsOf = () => (lists ??= JSON.parse(detail.toString("utf8", detailOffsets[d], detailOffsets[d + 1])) as Pick<Report, (typeof DETAIL_FIELDS)[number]>);
    Object.defineProperty(report, "text", { get: () => textOf(d), enumerable: true, configurable: true });
    for (const k of DETAIL_FIELDS) Object.defineProperty(report, k, { get: () => listsOf()[k], enumerable: true, configurable: true });
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
  };
}
