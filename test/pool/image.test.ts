// The corpus image (core/image): derived from the store, rebuilt when the store changes, and a
// damaged image is detected and named — like a damaged store file — instead of serving numbers.
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { align8, ImageError } from "../../core/image/layout.ts";
import { loadImage, readImageHeader } from "../../core/image/reader.ts";
import { writeStore } from "../../core/store.ts";
import { CorpusHolder } from "../../server/corpus/holder.ts";
import { attachCorpus, ensureImage, imagePath } from "../../server/corpus/image.ts";
import { makeReport, segmenter, SPECS, STOPWORDS } from "../fixtures/analytics-corpus.ts";

let dir: string;
const entries = SPECS.map((s) => {
  const report = makeReport(s);
  return { report, tokens: segmenter.cut(report.text) };
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wenyuan-image-"));
  writeStore(dir, entries, { corpusHash: "fixture", segmenter: "node-rs", generation: 1, sources: [] } as unknown as Parameters<typeof writeStore>[2]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An image built anew (one a test damaged matches the store's fingerprint: only loading it finds the damage). */
function freshImage(): string {
  rmSync(imagePath(dir), { force: true });
  ensureImage(dir, STOPWORDS);
  return imagePath(dir);
}

describe("corpus image", () => {
  it("holds every text, token and report field of the store", () => {
    expect(ensureImage(dir, STOPWORDS).built).toBe(true);
    expect(ensureImage(dir, STOPWORDS).built).toBe(false); // up to date: not rebuilt
    const { corpus } = attachCorpus(loadImage(imagePath(dir)), STOPWORDS);
    expect(corpus.docs.length).toBe(entries.length);
    corpus.docs.forEach((d, i) => {
      const { report, tokens } = entries[i];
      expect(d.report.text).toBe(report.text);
      for (const [a, b] of [[0, 5], [3, 40], [report.text.length - 7, report.text.length + 9], [-3, 2]]) {
        expect(corpus.textSlice(d, a, b)).toBe(report.text.slice(Math.max(0, a), b)); // read from the file
      }
      expect({ ...d.report }).toEqual(report);
      expect(Array.from(d.tokenIds, (id) => corpus.vocab[id])).toEqual(tokens);
      expect(d.wordCount).toBe(tokens.filter((t) => /[\p{L}\p{N}]/u.test(t)).length);
    });
    expect(corpus.vocab.filter((t, v) => corpus.isStopword[v]).sort()).toEqual(STOPWORDS.filter((w) => corpus.termIds.has(w)).sort());
  });

  it("is rebuilt when the store changes or the stopwords do", () => {
    ensureImage(dir, STOPWORDS);
    const before = readImageHeader(imagePath(dir))!.fingerprint;
    expect(ensureImage(dir, [...STOPWORDS, "工会"]).built).toBe(true);
    expect(ensureImage(dir, STOPWORDS).built).toBe(true);
    const reports = join(dir, "store", "reports.jsonl");
    const later = new Date(Date.now() + 5000);
    utimesSync(reports, later, later);
    expect(ensureImage(dir, STOPWORDS).built).toBe(true);
    expect(readImageHeader(imagePath(dir))!.fingerprint).not.toBe(before);
  });

  it("names a damaged section, and the server answers 503 naming the image", async () => {
    ensureImage(dir, STOPWORDS);
    const path = imagePath(dir);
    const header = readImageHeader(path)!;
    const texts = header.sections.find((s) => s.name === "texts")!;
    const bytes = readFileSync(path);
    bytes[texts.offset + 10] ^= 0x55;
    writeFileSync(path, bytes);
    expect(() => loadImage(path)).toThrow(ImageError);
    expect(() => loadImage(path)).toThrow(/section "texts" damaged \(checksum mismatch\)/);

    const holder = new CorpusHolder(dir, STOPWORDS);
    try {
      holder.load();
      expect(holder.status.ok).toBe(false);
      expect(holder.status.message).toMatch(/^corpus image store\/corpus\.img: section "texts" damaged/);
      expect(holder.status.message).not.toContain(dir); // names the file, not this machine's paths
      expect(() => holder.get()).toThrow(/corpus image store\/corpus\.img/);
    } finally {
      await holder.close();
    }
  });

  it.each(["tokenIds", "postings.doc", "sentences.postings", "meta.values"])("names a damaged %s section too, held in memory or read from the file", (name) => {
    const path = freshImage();
    const section = readImageHeader(path)!.sections.find((s) => s.name === name)!;
    const bytes = readFileSync(path);
    bytes[section.offset + Math.floor(section.bytes / 2)] ^= 0x55;
    writeFileSync(path, bytes);
    expect(() => loadImage(path)).toThrow(new RegExp(`section "${name.replace(".", "\\.")}" damaged \\(checksum mismatch\\)`));
  });

  it("a corpus keeps reading its texts from its own image after the image is rebuilt", () => {
    const { corpus } = attachCorpus(loadImage(freshImage()), STOPWORDS);
    const reports = join(dir, "store", "reports.jsonl");
    const later = new Date(Date.now() + 10_000);
    utimesSync(reports, later, later);
    expect(ensureImage(dir, STOPWORDS).built).toBe(true); // a new file renamed over the old one
    corpus.docs.forEach((d, i) => expect(d.report.text).toBe(entries[i].report.text));
    expect(corpus.docs.map((d) => d.report.paragraphs)).toEqual(entries.map((e) => e.report.paragraphs));
  });

  it("a corrected field reads back in this thread, the other reports untouched", () => {
    const { corpus } = attachCorpus(loadImage(freshImage()), STOPWORDS);
    const [a, b] = corpus.docs;
    Object.assign(a.report, { sector: "other", title: "更正后的标题" });
    expect(a.report.sector).toBe("other");
    expect(a.report.title).toBe("更正后的标题");
    expect(b.report.sector).toBe(entries[1].report.sector);
    expect({ ...a.report, sector: entries[0].report.sector, title: entries[0].report.title }).toEqual(entries[0].report);
  });

  it("aligns section offsets past 2 and 4 GiB (a 100k-report image is larger than 2 GiB)", () => {
    for (const at of [0, 1, 7, 8, 9, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 3, 2 ** 32 + 5, 5 * 2 ** 32 + 1]) {
      const a = align8(at);
      expect(a % 8, String(at)).toBe(0);
      expect(a - at, String(at)).toBeGreaterThanOrEqual(0);
      expect(a - at, String(at)).toBeLessThan(8);
    }
  });

  it("a file that is not an image is named too", () => {
    const path = join(dir, "not-an-image.img");
    writeFileSync(path, "hello, this is not an image at all");
    expect(() => loadImage(path)).toThrow(/not a corpus image \(bad magic\)/);
  });
});
