import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildReports } from "../../indexer/pipeline.ts";
import { readManifest, readStore, StoreWriter, storeDir, writeStore } from "../../core/store.ts";
import type { Report, Tokens } from "../../core/model.ts";

const dir = mkdtempSync(join(tmpdir(), "wenyuan-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Enough text that the writer's 4 MB buffer flushes several times mid-file.
function entries(n: number, tag: string): { report: Report; tokens: Tokens }[] {
  const paragraph = `${tag}县总工会组织开展送温暖活动，慰问困难职工，落实帮扶措施。`;
  const { reports } = buildReports(
    Array.from({ length: n }, (_, i) => ({
      source: `${tag}-${i}.txt`,
      parentId: `${tag}${i}`,
      text: `${tag}县总工会${2000 + (i % 20)}年工作报告 第${i}份\n${Array.from({ length: 40 }, (_, k) => `${k + 1}. ${paragraph}编号${i}-${k}`).join("\n")}`,
    })),
  );
  // Two-character tokens that concatenate back to the text, like the segmenter's.
  return reports.map((report) => ({ report, tokens: report.text.match(/[\s\S]{1,2}/g) ?? [] }));
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("corpus store", () => {
  it("reads back exactly what was written, with a manifest that matches the files on disk", () => {
    const data = join(dir, "round-trip");
    const written = entries(1500, "甲");
    const manifest = writeStore(data, written, { corpusHash: "h1", segmenter: "test", generation: 1, sources: [] });

    const back = readStore(data);
    expect(back.entries).toEqual(written);
    expect(readManifest(data)).toEqual(manifest);
    expect(manifest.reports).toBe(written.length);
    for (const name of ["reports.jsonl", "tokens.jsonl"]) {
      const bytes = readFileSync(join(storeDir(data), name));
      // Independent of the writer's running hash and counts.
      expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
      expect(manifest.files[name]).toEqual({ sha256: sha256(bytes), bytes: bytes.length, lines: bytes.toString("utf8").split("\n").length - 1 });
    }
  });

  it("leaves the live store untouched when a write is aborted", () => {
    const data = join(dir, "abort");
    const first = entries(3, "乙");
    writeStore(data, first, { corpusHash: "h1", segmenter: "test", generation: 1, sources: [] });

    const writer = new StoreWriter(data);
    for (const e of entries(5, "丙")) writer.add(e.report, e.tokens);
    writer.abort();

    expect(readStore(data).entries).toEqual(first);
    expect(readdirSync(data)).toEqual(["store"]);
  });

  it("publishes a new store only on commit", () => {
    const data = join(dir, "commit");
    writeStore(data, entries(2, "丁"), { corpusHash: "old", segmenter: "test", generation: 1, sources: [] });
    const next = entries(4, "戊");
    const writer = new StoreWriter(data);
    for (const e of next) writer.add(e.report, e.tokens);
    expect(readManifest(data)?.corpusHash).toBe("old");
    writer.commit({ corpusHash: "new", segmenter: "test", generation: 1, sources: [] });
    expect(readManifest(data)?.corpusHash).toBe("new");
    expect(readStore(data).entries).toEqual(next);
    expect(existsSync(join(dir, "commit", `store.tmp-${process.pid}`))).toBe(false);
  });
});
