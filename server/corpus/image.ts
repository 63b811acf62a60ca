// The corpus image is derived from the committed store (data/store): built when it is missing or
// was derived from another store manifest (or other stopwords, which the sentence index depends
// on), then loaded by CorpusHolder. Building reads the store once through core/store.ts's verified
// reader and adds what the server derives from a corpus (postings, the sentence index, byte costs),
// so no thread computes them again.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { readManifest, storeDir, StoreError, iterateStore } from "../../core/store.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { IMAGE_FILE, IMAGE_VERSION, type TypedArray } from "../../core/image/layout.ts";
import { readImageHeader, sectionArray, type LoadedImage } from "../../core/image/reader.ts";
import { attachImage } from "../../core/image/attach.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { writeImage } from "../../core/image/writer.ts";
import { coldSection } from "../../core/image/cold.ts";
import { docPostings, type Counts } from "../analytics/shared/docPostings.ts";
import { sentenceIndex } from "../analytics/shared/sentenceIndex.ts";
import { byteCosts } from "../search/substring.ts";
import { buildTermMatrix, setTermMatrix, type TermMatrix } from "../analytics/shared/termMatrix.ts";
import { CorpusIndexes, type PrebuiltIndexes } from "./indexes.ts";

export const imagePath = (dataDir: string): string => join(storeDir(dataDir), IMAGE_FILE);

/**
 * What the image must have been derived from: the store's manifest, the size and time of each
 * store file (a file changed or damaged since, and the image is rebuilt — so the store's reader
 * finds and names the damage), and the stopwords.
 */
export function imageFingerprint(dataDir: string, stopwords: readonly string[]): string {
  const manifest = readManifest(dataDir);
  if (!manifest) throw new StoreError(join(storeDir(dataDir), "manifest.json"), "missing — run `npm run index`");
  const files = Object.keys(manifest.files)
    .sort()
    .map((name) => {
      const path = join(storeDir(dataDir), name);
      if (!existsSync(path)) return `${name}:missing`;
      const st = statSync(path);
      return `${name}:${st.size}:${st.mtimeMs}`;
    });
  return createHash("sha256")
    .update(JSON.stringify(manifest))
    .update(`\0${files.join("\n")}\0${stopwords.join("\n")}\0${IMAGE_VERSION}`)
    .digest("hex");
}

/**
 * The path of an image that matches the store, building it first when there is none or it is
 * stale or unreadable (a damaged section is only found by loading it: CorpusHolder then names it).
 * Returns whether it was built.
 */
export function ensureImage(dataDir: string, stopwords: readonly string[]): { path: string; built: boolean } {
  const path = imagePath(dataDir);
  const fingerprint = imageFingerprint(dataDir, stopwords);
  let header = null;
  try {
    header = readImageHeader(path);
  } catch {
    header = null; // unreadable header: rebuild it
  }
  if (header?.fingerprint === fingerprint) return { path, built: false };
  buildImage(dataDir, stopwords, path, fingerprint);
  return { path, built: true };
}

export function buildImage(dataDir: string, stopwords: readonly string[], path: string, fingerprint: string): void {
  const corpus = buildCorpus(iterateStore(dataDir), stopwords);
  const P = docPostings(corpus);
  const S = sentenceIndex(corpus);
  const M = buildTermMatrix(corpus);
  const sections: Record<string, TypedArray> = {
    "postings.offsets": P.offsets,
    "postings.doc": P.doc,
    "postings.count": P.count,
    "sentences.doc": S.sentDoc,
    "sentences.start": S.sentStart,
    "sentences.end": S.sentEnd,
    "sentences.norm": S.norm,
    "sentences.df": S.df,
    "sentences.offsets": S.offsets,
    "sentences.postings": S.postings,
    byteCosts: byteCosts(corpus, P),
    "counts.offsets": M.offsets,
    "counts.ids": M.ids,
    "counts.n": M.n,
    "counts.total": M.total,
    "counts.df": M.df,
  };
  writeImage(path, corpus, fingerprint, { sections, counts: { sentences: S.sentences } });
}

/** The derived indexes an image carries: views on its shared buffers, and the postings read from its file a term at a time. */
export function prebuiltIndexes(image: LoadedImage): PrebuiltIndexes {
  const a = <T>(name: string) => sectionArray<T>(image, name);
  const offsets = a<Uint32Array>("postings.offsets");
  const docs = coldSection(image, "postings.doc");
  const counts = coldSection(image, "postings.count");
  const sentenceOffsets = a<Uint32Array>("sentences.offsets");
  const sentencePostings = coldSection(image, "sentences.postings");
  return {
    docPostings: {
      offsets,
      list: (v) => ({ doc: docs.array<Uint32Array>(offsets[v], offsets[v + 1]), count: counts.array<Counts>(offsets[v], offsets[v + 1]) }),
    },
    sentenceIndex: {
      sentences: image.header.counts.sentences,
      sentDoc: a("sentences.doc"),
      sentStart: a("sentences.start"),
      sentEnd: a("sentences.end"),
      norm: a("sentences.norm"),
      df: a("sentences.df"),
      offsets: sentenceOffsets,
      list: (v) => sentencePostings.array<Uint8Array>(sentenceOffsets[v], sentenceOffsets[v + 1]),
    },
    byteCosts: a("byteCosts"),
  };
}

/** A corpus and its indexes over a loaded image, in this thread (the main thread and each worker). */
export function attachCorpus(image: LoadedImage, stopwords: readonly string[]): { corpus: Corpus; ix: CorpusIndexes } {
  const corpus = attachImage(image, stopwords);
  setTermMatrix(corpus, termMatrixOf(image));
  return { corpus, ix: new CorpusIndexes(corpus, prebuiltIndexes(image)) };
}

/** The per-report word counts an image carries (termMatrix.ts), views on its shared buffers. */
export function termMatrixOf(image: LoadedImage): TermMatrix {
  const a = <T>(name: string) => sectionArray<T>(image, name);
  return { offsets: a("counts.offsets"), ids: a("counts.ids"), n: a("counts.n"), total: a("counts.total"), df: a("counts.df") };
}
