// The corpus store: what analytics need, as files an analyst can open too.
//   store/reports.jsonl  one Report per line (metadata, clean text, paragraphs, sections)
//   store/tokens.jsonl   {"id", "tokens"} per line; the tokens concatenate to the report's
//                        text exactly, so a token's offset is the sum of the lengths before it
//   store/manifest.json  version, corpus hash, counts and a sha256 per file
// It is written to a fresh folder and renamed into place, so a reader never sees half a store.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Report, Tokens } from "./types.ts";

export const STORE_VERSION = 1;

export interface StoreManifest {
  version: number;
  corpusHash: string;
  createdAt: string;
  segmenter: string;
  reports: number;
  files: Record<string, { sha256: string; lines: number; bytes: number }>;
}

export class StoreError extends Error {
  override name = "StoreError";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export function storeDir(dataDir: string): string {
  return join(dataDir, "store");
}

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

export function writeStore(dataDir: string, entries: { report: Report; tokens: Tokens }[], meta: { corpusHash: string; segmenter: string }): StoreManifest {
  const dir = storeDir(dataDir);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const files: StoreManifest["files"] = {};
  const write = (name: string, lines: string[]) => {
    const content = lines.length ? lines.join("\n") + "\n" : "";
    const buf = Buffer.from(content, "utf8");
    writeFileSync(join(tmp, name), buf);
    files[name] = { sha256: sha256(buf), lines: lines.length, bytes: buf.length };
  };
  write("reports.jsonl", entries.map((e) => JSON.stringify(e.report)));
  write("tokens.jsonl", entries.map((e) => JSON.stringify({ id: e.report.id, tokens: e.tokens })));
  const manifest: StoreManifest = {
    version: STORE_VERSION,
    corpusHash: meta.corpusHash,
    createdAt: new Date().toISOString(),
    segmenter: meta.segmenter,
    reports: entries.length,
    files,
  };
  writeFileSync(join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  return manifest;
}

export function readManifest(dataDir: string): StoreManifest | null {
  const path = join(storeDir(dataDir), "manifest.json");
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as StoreManifest;
  } catch {
    throw new StoreError(path, "manifest is not valid JSON");
  }
}

/** Reads and verifies the store; any damage is a StoreError naming the file. */
export function readStore(dataDir: string): { manifest: StoreManifest; entries: { report: Report; tokens: Tokens }[] } {
  const dir = storeDir(dataDir);
  const manifest = readManifest(dataDir);
  if (!manifest) throw new StoreError(join(dir, "manifest.json"), "missing — run `npm run index`");
  if (manifest.version !== STORE_VERSION) throw new StoreError(join(dir, "manifest.json"), `version ${manifest.version}, expected ${STORE_VERSION} — run \`npm run index\``);
  const load = (name: string): string[] => {
    const path = join(dir, name);
    const expected = manifest.files[name];
    if (!expected) throw new StoreError(path, "not listed in the manifest");
    if (!existsSync(path)) throw new StoreError(path, "missing — run `npm run index`");
    const buf = readFileSync(path);
    if (buf.length !== expected.bytes || sha256(buf) !== expected.sha256) {
      throw new StoreError(path, `damaged (${buf.length} bytes, checksum mismatch) — run \`npm run index\` to rebuild`);
    }
    const text = buf.toString("utf8");
    return text ? text.replace(/\n$/, "").split("\n") : [];
  };
  const reportLines = load("reports.jsonl");
  const tokenLines = load("tokens.jsonl");
  if (reportLines.length !== tokenLines.length) throw new StoreError(join(dir, "tokens.jsonl"), "line count differs from reports.jsonl");
  const entries = reportLines.map((line, i) => {
    const report = JSON.parse(line) as Report;
    const t = JSON.parse(tokenLines[i]) as { id: string; tokens: Tokens };
    if (t.id !== report.id) throw new StoreError(join(dir, "tokens.jsonl"), `line ${i + 1} is for ${t.id}, expected ${report.id}`);
    return { report, tokens: t.tokens };
  });
  return { manifest, entries };
}
