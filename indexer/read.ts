// `read`: files on disk → decoded text. The only indexer stage besides `load` that touches the disk.
// It never throws: a file that vanished, cannot be read, or is not text becomes { ok: false, reason }.
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readFile as readBytes, readdir, realpath, stat } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import iconv from "iconv-lite";
import type { ReadResult } from "../core/model.ts";
import { MAX_SOURCE_BYTES } from "../core/sources.ts";
import { zipExpansionProblem } from "./zip-guard.ts";

export const MAX_BYTES = MAX_SOURCE_BYTES;
const TEXT_EXT = new Set([".txt", ".md", ".text"]);
const HTML_EXT = new Set([".html", ".htm"]);
export const SUPPORTED = new Set([...TEXT_EXT, ...HTML_EXT, ".docx", ".pdf"]);

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "PNG image"],
  [[0xff, 0xd8, 0xff], "JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "GIF image"],
  [[0x25, 0x50, 0x44, 0x46], "PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "ZIP archive (.docx/.xlsx?)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "OLE2 document (old .doc/.xls?)"],
  [[0x1f, 0x8b], "gzip archive"],
  [[0x7f, 0x45, 0x4c, 0x46], "ELF executable"],
  [[0x52, 0x61, 0x72, 0x21], "RAR archive"],
];

/**
 * Bytes → text. Order: BOM (UTF-8 / UTF-16 LE / BE) → binary sniffing → strict UTF-8 → lossy
 * UTF-8 → GB18030 → give up.
 *
 * Why lossy UTF-8 comes before GB18030: GB18030 maps almost any byte sequence to *some* characters,
 * so a UTF-8 report with a few corrupt bytes would "decode" as GB18030 into garbage. We accept UTF-8
 * with replacements when the bad sequences are at most 0.1% of the characters (or 4, for small
 * files) AND the valid non-ASCII characters outnumber them 20:1 — i.e. the file
 * is clearly UTF-8 Chinese with a few scars. Those scars stay U+FFFD here; `clean` drops them, and
 * marks a paragraph truncated only when U+FFFD ends a line (a character cut by the scraper).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  const bom = decodeBom(bytes);
  if (bom) return nonEmpty(bom.text, bom.encoding);
  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, reason: `binary file (${binary})` };

  try {
    return nonEmpty(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8");
  } catch {
    // not strict UTF-8: try the tolerant readings below
  }
  const lossy = new TextDecoder("utf-8").decode(bytes);
  const bad = countChar(lossy, "\ufffd");
  const wide = countNonAscii(lossy) - bad;
  if (bad <= Math.max(4, lossy.length / 1000) && wide >= bad * 20) {
    return nonEmpty(lossy, `utf-8 (${bad} invalid byte sequence${bad === 1 ? "" : "s"} replaced)`);
  }
  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  const gbBad = countChar(gb, "\ufffd");
  if (gbBad <= Math.max(0, gb.length / 10000)) return nonEmpty(gb, "gb18030");
  return { ok: false, reason: `not valid UTF-8, GB18030 or UTF-16: ${Math.min(bad, gbBad)} undecodable bytes` };
}

function nonEmpty(text: string, encoding: string): Decoded {
  return text.trim() ? { ok: true, text, encoding } : { ok: false, reason: "empty file" };
}

function decodeBom(b: Uint8Array): { text: string; encoding: string } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(b.subarray(3)), encoding: "utf-8 (BOM)" };
  }
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "utf-16le" };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "utf-16be" };
  return null;
}

function sniffBinary(b: Uint8Array): string | null {
  for (const [magic, name] of MAGIC) if (magic.every((x, i) => b[i] === x)) return name;
  const head = b.subarray(0, 64 * 1024);
  let control = 0;
  for (const x of head) {
    if (x === 0) return "contains NUL bytes";
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x0c && x !== 0x1b) control++;
  }
  return control > head.length * 0.01 ? "too many control characters" : null;
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}

const toSource = (path: string, root: string): string => relative(root, path).split(sep).join("/");

export async function readFile(path: string, root: string): Promise<ReadResult> {
  const abs = resolve(root, path);
  const source = toSource(abs, root);
  const fail = (reason: string): ReadResult => ({ ok: false, source, reason });
  const ext = extname(abs).toLowerCase();
  if (!SUPPORTED.has(ext)) return fail(`unsupported format ${ext || "(no extension)"}`);
  try {
    const info = await stat(abs);
    if (!info.isFile()) return fail("not a regular file");
    if (info.size > MAX_BYTES) return fail(`file too large (${Math.round(info.size / 1048576)} MB > 64 MB)`);
    const bytes = new Uint8Array(await readBytes(abs));
    // Hashed here, from the bytes just read: the indexer derives ids and the corpus fingerprint
    // from it instead of reading every file a second time.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (ext === ".docx") return fromDocx(bytes, source, sha256);
    if (ext === ".pdf") return fromPdf(bytes, source, sha256);
    const decoded = decode(bytes);
    if (!decoded.ok) return fail(decoded.reason);
    const html = HTML_EXT.has(ext);
    const text = html ? await htmlToText(decoded.text) : decoded.text;
    const format = html ? "html" : ext === ".md" ? "md" : "txt";
    return { ok: true, source, text, format, encoding: decoded.encoding, bytes: bytes.length, sha256 };
  } catch (error) {
    return fail(describe(error));
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return "file not found (it may have been moved or deleted)";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

/** Per file: how long a .docx or .pdf extraction may take, and the heap it may use. */
export const EXTRACT_LIMITS = { timeoutMs: 30_000, maxHeapMb: 512 };

/**
 * .docx and .pdf text, extracted in a worker thread (extract-worker.mjs) that is terminated past
 * the time limit or the heap limit: a hostile file costs at most those, and is skipped with why.
 */
async function extractBounded(kind: "docx" | "pdf", bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(new URL("./extract-worker.mjs", import.meta.url), {
    workerData: { kind, bytes },
    resourceLimits: { maxOldGenerationSizeMb: EXTRACT_LIMITS.maxHeapMb },
    stdout: true,
    stderr: true,
  });
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: { ok: true; text: string } | { ok: false; reason: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, reason: `extraction took longer than ${EXTRACT_LIMITS.timeoutMs / 1000} s` }), EXTRACT_LIMITS.timeoutMs);
    worker.on("message", (m: { ok: true; text: string } | { ok: false; reason: string }) => done(m));
    worker.on("error", (e: Error & { code?: string }) =>
      done({ ok: false, reason: e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `extraction needed more than ${EXTRACT_LIMITS.maxHeapMb} MB of memory` : e.message }),
    );
    worker.on("exit", () => done({ ok: false, reason: "extraction stopped unexpectedly" }));
  });
}

async function fromDocx(bytes: Uint8Array, source: string, sha256: string): Promise<ReadResult> {
  const bomb = zipExpansionProblem(bytes);
  if (bomb) return { ok: false, source, reason: `unreadable .docx: ${bomb}` };
  const r = await extractBounded("docx", bytes);
  if (!r.ok) return { ok: false, source, reason: `unreadable .docx: ${r.reason}` };
  if (!r.text.trim()) return { ok: false, source, reason: "empty file" };
  return { ok: true, source, text: r.text, format: "docx", encoding: "docx", bytes: bytes.length, sha256 };
}

async function fromPdf(bytes: Uint8Array, source: string, sha256: string): Promise<ReadResult> {
  const r = await extractBounded("pdf", bytes);
  if (!r.ok) return { ok: false, source, reason: `unreadable .pdf: ${r.reason}` };
  if (!r.text.trim()) return { ok: false, source, reason: "no text layer in PDF (scanned image?)" };
  return { ok: true, source, text: r.text, format: "pdf", encoding: "pdf", bytes: bytes.length, sha256 };
}

const DROP = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe"]);
const BLOCK = new Set([
  "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
  "header", "footer", "nav", "aside", "blockquote", "pre", "dd", "dt", "dl", "hr", "title", "main", "figure", "td", "th",
]);

/** Text content of an HTML page: scripts and styles dropped, block elements on their own lines. */
export async function htmlToText(html: string): Promise<string> {
  const { parse, NodeType } = await import("node-html-parser");
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const out: string[] = [];
  type N = { nodeType: number; text: string; childNodes: N[]; rawTagName?: string };
  const walk = (node: N): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      out.push(node.text.replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = (node.rawTagName ?? "").toLowerCase();
    if (DROP.has(tag)) return;
    const block = BLOCK.has(tag) || tag === "";
    if (block) out.push("\n");
    for (const child of node.childNodes) walk(child);
    if (block) out.push("\n");
  };
  walk(root as unknown as N);
  return out
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * Walk files and folders (sorted, recursive). Hidden entries are skipped silently; unsupported
 * extensions, missing paths, symlink loops and symlinks that lead outside the folder named on the
 * command line are reported. Other symlinks are followed.
 */
export async function listFiles(
  paths: string[],
  root: string,
): Promise<{ files: string[]; skipped: { source: string; reason: string }[] }> {
  const files: string[] = [];
  const skipped: { source: string; reason: string }[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  /**
   * `top`: the real path of the folder named on the command line that this entry was found in.
   * `known`: what the folder listing already says of an entry that is not a symlink — its real path
   * is its folder's plus its name, and its type is known — so the two system calls per file
   * (realpath, stat) go only to symlinks and named paths: at 60k files they were ~5 s of every start.
   */
  const visit = async (abs: string, top: string | null, known?: { real: string; dir: boolean }): Promise<void> => {
    const explicit = top === null;
    const source = toSource(abs, root);
    let real: string;
    let isDir: boolean;
    if (known) {
      real = known.real;
      isDir = known.dir;
    } else {
      try {
        real = await realpath(abs);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ELOOP") skipped.push({ source, reason: "symlink loop" });
        else skipped.push({ source, reason: explicit ? "not found" : "broken symlink" });
        return;
      }
      // A link inside a corpus folder must not reach outside it (/etc/passwd, another user's files).
      if (top !== null && real !== top && !real.startsWith(top + sep)) {
        skipped.push({ source, reason: "symlink points outside the folder being indexed" });
        return;
      }
      let info;
      try {
        info = await stat(real);
      } catch (error) {
        skipped.push({ source, reason: describe(error) });
        return;
      }
      if (!info.isDirectory() && !info.isFile()) {
        skipped.push({ source, reason: "not a regular file" });
        return;
      }
      isDir = info.isDirectory();
    }
    if (isDir) {
      if (seenDirs.has(real)) {
        skipped.push({ source, reason: "symlink loop" });
        return;
      }
      seenDirs.add(real);
      let entries: Dirent[];
      try {
        entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (error) {
        skipped.push({ source, reason: describe(error) });
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith(".")) continue;
        // a plain file or folder (not a link) lies where its folder's real path says
        const plain = e.isFile() || e.isDirectory() ? { real: join(real, e.name), dir: e.isDirectory() } : undefined;
        await visit(resolve(abs, e.name), top ?? real, plain);
      }
      seenDirs.delete(real); // only ancestors make a loop; a second link to a sibling folder is fine
      return;
    }
    const ext = extname(abs).toLowerCase();
    if (!SUPPORTED.has(ext)) {
      skipped.push({ source, reason: `unsupported format ${ext || "(no extension)"}` });
      return;
    }
    if (seenFiles.has(abs)) return;
    seenFiles.add(abs);
    files.push(abs);
  };

  for (const p of paths) await visit(resolve(root, p), null);
  return { files: files.sort(), skipped };
}
