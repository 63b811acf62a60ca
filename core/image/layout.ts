// The corpus image: one binary file derived from the committed JSONL store (data/store), holding
// everything analytics and substring search read, so the server loads it into SharedArrayBuffers
// in seconds (no JSON parse of every token) and a worker pool attaches to the same memory.
//
//   bytes 0..8     magic "WYIMAGE\0"
//   bytes 8..12    u32 LE: length L of the header JSON
//   bytes 12..12+L the header (ImageHeader) as UTF-8 JSON
//   then each section, 8-byte aligned, at the offset the header gives, with its own sha256
//
// Texts are UTF-16 code units, so every offset is the API's offset; token ids index one
// vocabulary; per-doc slices of the big arrays are found through `*Offsets` sections (n + 1
// entries). Sections a server derives from the corpus (postings, the sentence index) are added
// by name by whoever builds the image; this layout only fixes the core ones.

export const IMAGE_MAGIC = "WYIMAGE\0";
/** 2: part-of-speech tags (tagIds, tagNames); 3: report metadata as a table (metaTable.ts), each list field in its own section; 4: per-report word counts (counts.*, server/analytics/shared/termMatrix.ts) */
export const IMAGE_VERSION = 4;
export const IMAGE_FILE = "corpus.img";

export type SectionType = "u8" | "u16" | "u32" | "f32" | "f64";

export interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  bytes: number;
  sha256: string;
}

export interface ImageHeader {
  version: number;
  /** the store manifest (and stopwords) this image was derived from; a different one means rebuild */
  fingerprint: string;
  createdAt: string;
  docs: number;
  vocab: number;
  /** numbers the derived sections need (e.g. how many sentences) */
  counts: Record<string, number>;
  sections: SectionEntry[];
}

export type TypedArray = Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;

export const ARRAY_OF: Record<SectionType, { BYTES_PER_ELEMENT: number; new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): TypedArray }> = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
};

export function sectionType(a: TypedArray): SectionType {
  if (a instanceof Uint8Array) return "u8";
  if (a instanceof Uint16Array) return "u16";
  if (a instanceof Uint32Array) return "u32";
  if (a instanceof Float32Array) return "f32";
  return "f64";
}

/**
 * The core sections. Per doc d: text = texts[textOffsets[d], textOffsets[d+1]) (UTF-16),
 * tokens = tokenIds[tokenOffsets[d], tokenOffsets[d+1]), checkpoints = the doc's
 * checkpointCount(tokens) entries of `checkpoints` in doc order, metadata = row d of the table
 * `meta.values` + `meta.<field>` (metaTable.ts; the scalar Report fields) plus, for each list
 * field f of DETAIL_FIELDS, the JSON at detail.f[detail.f.offsets[d], detail.f.offsets[d+1]).
 * vocabulary: term v = vocabChars[vocabOffsets[v], vocabOffsets[v+1]).
 * Parts of speech: tagIds (u8) runs beside tokenIds (the same tokenOffsets slice a doc's tags);
 * tag id t is entry t of the JSON array `tagNames` (UTF-8), id 0 being "" (untagged).
 */
export const CORE_SECTIONS = ["texts", "textOffsets", "tokenIds", "tokenOffsets", "checkpoints", "wordCounts", "tagIds", "tagNames", "meta.values", "vocabChars", "vocabOffsets"] as const;

/**
 * Sections left in the file and read when asked (cold.ts), not held in memory: the texts and the
 * report lists are read a report at a time (a snippet, a page of hits, a report view), the
 * postings a term at a time (as a search engine reads them), so the kernel's page cache serves
 * them, shared and reclaimable, and the server's memory does not grow with them (at 100k reports:
 * texts 594 MiB, lists ~245, doc postings 382, sentence postings 128 — 1,356 of the image's 1,975). What is scanned token by
 * token corpus-wide stays hot (token ids, tags, checkpoints, per-sentence spans).
 */
export const COLD_SECTIONS = ["texts", "detail.paragraphs", "detail.sections", "detail.sectorEvidence", "detail.duplicates", "postings.doc", "postings.count", "sentences.postings"] as const;

/** Report fields that are lists: each in its own section, parsed per report when read, not at load. */
export const DETAIL_FIELDS = ["paragraphs", "sections", "sectorEvidence", "duplicates"] as const;
export const detailSection = (field: (typeof DETAIL_FIELDS)[number]): string => `detail.${field}`;

/** The image is missing, stale or damaged; `detail` says what, without the path. */
export class ImageError extends Error {
  override name = "ImageError";
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

// arithmetic, not `(n + 7) & ~7`: a bitwise operator works on 32-bit integers, and an image passes 2 GiB at
// ~100k reports (the 100k image with the kept counts could not be written: pad() was asked for -4 GiB)
export const align8 = (n: number): number => Math.ceil(n / 8) * 8;
