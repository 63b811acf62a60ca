// Shared by the seed-level suites: read → buildReports over corpus/raw, once per test file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildReports } from "../../indexer/pipeline.ts";
import { listFiles, readFile } from "../../indexer/read.ts";
import type { Report } from "../../core/model.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

export async function seedReports(): Promise<{ reports: Report[]; warnings: string[] }> {
  const { files } = await listFiles(["corpus/raw"], ROOT);
  const inputs = [];
  for (const file of files) {
    const read = await readFile(file, ROOT);
    if (!read.ok) throw new Error(`${read.source}: ${read.reason}`);
    const parentId = createHash("sha256").update(readFileSync(join(ROOT, read.source))).digest("hex").slice(0, 16);
    inputs.push({ source: read.source.replace(/^corpus\/raw\//, ""), parentId, text: read.text });
  }
  return buildReports(inputs);
}
