// Part-of-speech tags: the segmenter's tag() cuts exactly as cut() does, both engines tag alike, and
// the tags travel store → corpus image → corpus unchanged, one per token.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadImage } from "../../core/image/reader.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { readStore, writeStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { attachCorpus, ensureImage, imagePath } from "../../server/corpus/image.ts";
import { makeReport, SPECS, STOPWORDS } from "../fixtures/analytics-corpus.ts";

const dictionary = readFileSync(new URL("../../corpus/dict.txt", import.meta.url), "utf8");
const nodeRs = createSegmenter("node-rs", dictionary);
const rawDir = new URL("../../corpus/raw/", import.meta.url);

describe("segmenter tags", () => {
  it("tag() gives cut()'s tokens and one tag per token", () => {
    const text = "我们积极开展送温暖活动，走访慰问困难职工。2023年 xx 职代会\n  abc!";
    const { tokens, tags } = nodeRs.tag(text);
    expect(tokens).toEqual(nodeRs.cut(text));
    expect(tags.length).toBe(tokens.length);
    const tagOf = (w: string) => tags[tokens.indexOf(w)];
    expect(tagOf("走访")).toBe("v");
    expect(tagOf("2023")).toBe("m");
    expect(tagOf("xx")).toBe("eng");
    expect(tagOf("，")).toBe("x");
    // corpus/dict.txt says 维权 v and 送温暖 v; @node-rs/jieba alone would keep its own dictionary's n
    expect(nodeRs.tag("依法维权，送温暖").tags[nodeRs.tag("依法维权，送温暖").tokens.indexOf("送温暖")]).toBe("v");
    expect(nodeRs.tag("维权").tags).toEqual(["v"]);
  });

  it("node-rs and nodejieba give the same tags wherever they give the same tokens (bundled corpus)", () => {
    const nodejieba = createSegmenter("nodejieba", dictionary);
    let compared = 0;
    for (const f of readdirSync(rawDir)) {
      for (const line of readFileSync(new URL(f, rawDir), "utf8").split("\n")) {
        const a = nodeRs.tag(line);
        const b = nodejieba.tag(line);
        expect(a.tokens).toEqual(nodeRs.cut(line));
        if (a.tokens.join("\u0001") !== b.tokens.join("\u0001")) continue;
        expect(b.tags).toEqual(a.tags);
        compared += a.tokens.length;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});

describe("tags round-trip", () => {
  let dir: string;
  const entries = SPECS.map((s) => {
    const report = makeReport(s);
    return { report, ...nodeRs.tag(report.text) };
  });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "wenyuan-tags-"));
    writeStore(dir, entries, { corpusHash: "tags", segmenter: "node-rs", generation: 1, sources: [] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("store → corpus → image → corpus keeps every token's tag", () => {
    const stored = readStore(dir).entries;
    expect(stored.map((e) => e.tags)).toEqual(entries.map((e) => e.tags));
    const built = buildCorpus(stored, STOPWORDS);
    ensureImage(dir, STOPWORDS);
    const { corpus: attached } = attachCorpus(loadImage(imagePath(dir)), STOPWORDS);
    for (const corpus of [built, attached]) {
      expect(corpus.tagNames[0]).toBe("");
      corpus.docs.forEach((d, i) => {
        expect(d.tagIds.length).toBe(d.tokenIds.length);
        expect(Array.from(d.tagIds, (t) => corpus.tagNames[t])).toEqual(entries[i].tags);
        expect(Array.from(d.tokenIds, (t) => corpus.vocab[t])).toEqual(entries[i].tokens);
      });
    }
  });

  it("a store line whose tags do not match its tokens is skipped and named", () => {
    const bad = mkdtempSync(join(tmpdir(), "wenyuan-tags-bad-"));
    try {
      const [a, b] = entries;
      writeStore(bad, [a, { ...b, tags: undefined }], { corpusHash: "tags", segmenter: "node-rs", generation: 1, sources: [] });
      // hand-edit: drop one tag of the first record (then fix the manifest so only the record is bad)
      const path = join(bad, "store", "tokens.jsonl");
      const lines = readFileSync(path, "utf8").split("\n");
      const first = JSON.parse(lines[0]) as { tags: string[] };
      first.tags.pop();
      lines[0] = JSON.stringify(first);
      const skipped: string[] = [];
      writeFileSync(path, lines.join("\n"));
      try {
        readStore(bad, (p) => skipped.push(p));
      } catch {
        // the manifest's checksum no longer matches: named after the records were read
      }
      expect(skipped).toEqual([`store record 1 skipped: tags of ${a.report.id} do not match its tokens`]);
      // a record stored without tags builds an untagged doc (tag id 0)
      const untagged = buildCorpus([{ report: b.report, tokens: b.tokens }], []);
      expect(untagged.docs[0].tagIds.every((t) => t === 0)).toBe(true);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
