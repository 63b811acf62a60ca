// Writes a corpus image (layout.ts) section by section, streaming: a section's bytes go to disk
// doc by doc as they are produced and are hashed on the way, and the header — which needs every
// section's offset and checksum — goes last, its position patched into the file's first bytes.
// Written to a temporary file and renamed, so a reader never sees half an image.
import { createHash, type Hash } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import type { Corpus } from "../corpus/types.ts";
import { META_VALUES, metaColumn, metaTable } from "./metaTable.ts";
import { align8, DETAIL_FIELDS, detailSection, IMAGE_MAGIC, IMAGE_VERSION, sectionType, type ImageHeader, type SectionEntry, type SectionType, type TypedArray } from "./layout.ts";

const PREFIX = 24; // magic (8) + header offset (u64 as 2 × u32) + header length (u32) + pad

class SectionFile {
  private fd: number;
  private pos = PREFIX;
  private current: { name: string; type: SectionType; offset: number; hash: Hash } | null = null;
  readonly sections: SectionEntry[] = [];

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
    this.raw(Buffer.alloc(PREFIX));
  }

  begin(name: string, type: SectionType): void {
    this.pad();
    this.current = { name, type, offset: this.pos, hash: createHash("sha256") };
  }

  write(a: TypedArray | Buffer): void {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    this.current!.hash.update(bytes);
    this.raw(bytes);
  }

  end(): void {
    const c = this.current!;
    this.sections.push({ name: c.name, type: c.type, offset: c.offset, bytes: this.pos - c.offset, sha256: c.hash.digest("hex") });
    this.current = null;
  }

  /** One whole array as its own section. */
  section(name: string, a: TypedArray): void {
    this.begin(name, sectionType(a));
    this.write(a);
    this.end();
  }

  finish(header: Omit<ImageHeader, "sections">): void {
    this.pad();
    const json = Buffer.from(JSON.stringify({ ...header, sections: this.sections }), "utf8");
    const at = this.pos;
    this.raw(json);
    const prefix = Buffer.alloc(PREFIX);
    prefix.write(IMAGE_MAGIC, 0, "latin1");
    prefix.writeUInt32LE(at % 0x1_0000_0000, 8);
    prefix.writeUInt32LE(Math.floor(at / 0x1_0000_0000), 12);
    prefix.writeUInt32LE(json.length, 16);
    writeSync(this.fd, prefix, 0, PREFIX, 0);
    closeSync(this.fd);
    this.fd = -1;
  }

  discard(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.path, { force: true });
  }

  private pad(): void {
    const n = align8(this.pos) - this.pos;
    if (n) this.raw(Buffer.alloc(n));
  }

  private raw(b: Buffer): void {
    for (let off = 0; off < b.length; ) off += writeSync(this.fd, b, off, b.length - off, this.pos + off);
    this.pos += b.length;
  }
}

type Report = Corpus["docs"][number]["report"];

/** Report metadata as the image keeps it: the scalar fields, in one table for all docs (metaTable.ts). */
function metaOf(report: Report): Omit<Report, (typeof DETAIL_FIELDS)[number] | "text"> {
  const { text: _t, paragraphs: _p, sections: _s, sectorEvidence: _e, duplicates: _d, ...meta } = report;
  void [_t, _p, _s, _e, _d];
  return meta;
}

export interface ImageExtras {
  /** derived arrays (postings, the sentence index …) stored by name */
  sections: Record<string, TypedArray>;
  counts: Record<string, number>;
}

/** Writes `corpus` (and the derived arrays) as an image at `path`. O(corpus) time, O(one doc) extra memory. */
export function writeImage(path: string, corpus: Corpus, fingerprint: string, extras: ImageExtras = { sections: {}, counts: {} }): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const f = new SectionFile(tmp);
  try {
    const n = corpus.docs.length;
    const textOffsets = new Uint32Array(n + 1);
    const tokenOffsets = new Uint32Array(n + 1);
    const wordCounts = new Uint32Array(n);

    f.begin("texts", "u16");
    corpus.docs.forEach((d, i) => {
      f.write(Buffer.from(d.report.text, "utf16le"));
      textOffsets[i + 1] = textOffsets[i] + d.report.text.length;
    });
    f.end();
    f.section("textOffsets", textOffsets);

    const wide = corpus.docs.some((d) => d.tokenIds instanceof Uint32Array);
    f.begin("tokenIds", wide ? "u32" : "u16");
    corpus.docs.forEach((d, i) => {
      f.write(wide && !(d.tokenIds instanceof Uint32Array) ? Uint32Array.from(d.tokenIds) : d.tokenIds);
      tokenOffsets[i + 1] = tokenOffsets[i] + d.tokenIds.length;
      wordCounts[i] = d.wordCount;
    });
    f.end();
    f.section("tokenOffsets", tokenOffsets);
    f.section("wordCounts", wordCounts);

    f.begin("tagIds", "u8");
    for (const d of corpus.docs) f.write(d.tagIds);
    f.end();
    f.section("tagNames", Buffer.from(JSON.stringify(corpus.tagNames), "utf8"));

    f.begin("checkpoints", "u32");
    for (const d of corpus.docs) f.write(d.checkpoints);
    f.end();

    const meta = metaTable(corpus.docs.map((d) => metaOf(d.report)));
    f.section(META_VALUES, Buffer.from(JSON.stringify({ fields: meta.fields, values: meta.values }), "utf8"));
    meta.fields.forEach((field, i) => f.section(metaColumn(field), meta.columns[i]));
    // each list field apart, so a hit's section title reads its report's headings, not its paragraphs
    for (const field of DETAIL_FIELDS) {
      const offsets = new Uint32Array(n + 1);
      f.begin(detailSection(field), "u8");
      corpus.docs.forEach((d, i) => {
        const b = Buffer.from(JSON.stringify(d.report[field]), "utf8");
        f.write(b);
        offsets[i + 1] = offsets[i] + b.length;
      });
      f.end();
      f.section(`${detailSection(field)}.offsets`, offsets);
    }

    const vocabOffsets = new Uint32Array(corpus.vocab.length + 1);
    corpus.vocab.forEach((t, v) => (vocabOffsets[v + 1] = vocabOffsets[v] + t.length));
    f.begin("vocabChars", "u16");
    f.write(Buffer.from(corpus.vocab.join(""), "utf16le"));
    f.end();
    f.section("vocabOffsets", vocabOffsets);

    for (const [name, a] of Object.entries(extras.sections)) f.section(name, a);
    f.finish({ version: IMAGE_VERSION, fingerprint, createdAt: new Date().toISOString(), docs: n, vocab: corpus.vocab.length, counts: extras.counts });
    renameSync(tmp, path);
  } catch (e) {
    f.discard();
    throw e;
  }
}
