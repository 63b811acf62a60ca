// Reads a corpus image (layout.ts): the hot sections into one SharedArrayBuffer each, the cold ones
// (COLD_SECTIONS) left in the file and read when asked (cold.ts). Every section's sha256 is
// verified on the way, the cold ones streamed through the hash: a damaged image is an ImageError
// that names the file and the section, never wrong numbers. The buffers and the file can be posted
// to worker threads as they are (shared, not copied); attach.ts turns them into a Corpus in any thread.
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { ARRAY_OF, COLD_SECTIONS, IMAGE_MAGIC, IMAGE_VERSION, ImageError, type ImageHeader } from "./layout.ts";
import { ImageFile } from "./cold.ts";

export interface LoadedImage {
  header: ImageHeader;
  /** the hot sections */
  buffers: Record<string, SharedArrayBuffer>;
  /** the open image file the cold sections are read from (closed once nothing in this thread holds the image) */
  file: ImageFile;
}

const CHUNK = 8 * 1024 * 1024;

function readHeaderFd(fd: number, path: string): ImageHeader {
  const size = fstatSync(fd).size;
  const prefix = Buffer.alloc(24);
  if (size < 24 || readSync(fd, prefix, 0, 24, 0) !== 24 || prefix.toString("latin1", 0, 8) !== IMAGE_MAGIC) {
    throw new ImageError(path, "not a corpus image (bad magic) — delete it; the server rebuilds it from the store");
  }
  const at = prefix.readUInt32LE(8) + prefix.readUInt32LE(12) * 0x1_0000_0000;
  const length = prefix.readUInt32LE(16);
  if (at + length > size) throw new ImageError(path, `truncated (${size} bytes, header at ${at}) — delete it; the server rebuilds it from the store`);
  const json = Buffer.alloc(length);
  readSync(fd, json, 0, length, at);
  let header: ImageHeader;
  try {
    header = JSON.parse(json.toString("utf8")) as ImageHeader;
  } catch {
    throw new ImageError(path, "header is not valid JSON — delete it; the server rebuilds it from the store");
  }
  if (header.version !== IMAGE_VERSION) throw new ImageError(path, `version ${header.version}, expected ${IMAGE_VERSION}`);
  for (const s of header.sections) {
    if (s.offset + s.bytes > at) throw new ImageError(path, `section "${s.name}" lies outside the file — delete it; the server rebuilds it from the store`);
  }
  return header;
}

/** The header only (cheap): what `ensureImage` compares with the store before loading. Null when there is no file. */
export function readImageHeader(path: string): ImageHeader | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, "r");
  try {
    return readHeaderFd(fd, path);
  } finally {
    closeSync(fd);
  }
}

/**
 * The image: each hot section in its own SharedArrayBuffer, the cold ones left in the open file,
 * every checksum verified (the cold ones read through once, which also warms the page cache).
 */
export function loadImage(path: string): LoadedImage {
  if (!existsSync(path)) throw new ImageError(path, "missing");
  const fd = openSync(path, "r");
  try {
    const header = readHeaderFd(fd, path);
    const buffers: Record<string, SharedArrayBuffer> = {};
    const scratch = Buffer.allocUnsafe(CHUNK);
    for (const s of header.sections) {
      if (s.bytes % ARRAY_OF[s.type].BYTES_PER_ELEMENT) throw new ImageError(path, `section "${s.name}" has ${s.bytes} bytes, not a whole number of ${s.type}`);
      const cold = (COLD_SECTIONS as readonly string[]).includes(s.name);
      const sab = cold ? null : new SharedArrayBuffer(s.bytes);
      const hash = createHash("sha256");
      for (let off = 0; off < s.bytes; ) {
        const into = sab ? new Uint8Array(sab, off, Math.min(CHUNK, s.bytes - off)) : scratch.subarray(0, Math.min(CHUNK, s.bytes - off));
        const n = readSync(fd, into, 0, into.length, s.offset + off);
        if (n <= 0) throw new ImageError(path, `section "${s.name}" is truncated — delete it; the server rebuilds it from the store`);
        hash.update(into.subarray(0, n));
        off += n;
      }
      if (hash.digest("hex") !== s.sha256) {
        throw new ImageError(path, `section "${s.name}" damaged (checksum mismatch) — delete it; the server rebuilds it from the store`);
      }
      if (sab) buffers[s.name] = sab;
    }
    return { header, buffers, file: new ImageFile(path, fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A section as its typed array (a view on the shared buffer: no copy). */
export function sectionArray<T = ReturnType<(typeof ARRAY_OF)["u8"]["prototype"]["subarray"]>>(image: LoadedImage, name: string): T {
  const s = image.header.sections.find((e) => e.name === name);
  const buf = image.buffers[name];
  if (!s || !buf) throw new Error(`corpus image has no hot section "${name}"`);
  return new ARRAY_OF[s.type](buf) as T;
}
