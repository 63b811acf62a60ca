// Reads a corpus image (layout.ts) into one SharedArrayBuffer per section, verifying each
// section's sha256 on the way: a damaged image is an ImageError that names the file and the
// section, never wrong numbers. The buffers can be posted to worker threads as they are (shared,
// not copied); attach.ts turns them into a Corpus in any thread.
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { ARRAY_OF, IMAGE_MAGIC, IMAGE_VERSION, ImageError, type ImageHeader } from "./layout.ts";

export interface LoadedImage {
  header: ImageHeader;
  buffers: Record<string, SharedArrayBuffer>;
}

const CHUNK = 64 * 1024 * 1024;

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

/** The whole image, each section in its own SharedArrayBuffer, every checksum verified. */
export function loadImage(path: string): LoadedImage {
  if (!existsSync(path)) throw new ImageError(path, "missing");
  const fd = openSync(path, "r");
  try {
    const header = readHeaderFd(fd, path);
    const buffers: Record<string, SharedArrayBuffer> = {};
    for (const s of header.sections) {
      if (s.bytes % ARRAY_OF[s.type].BYTES_PER_ELEMENT) throw new ImageError(path, `section "${s.name}" has ${s.bytes} bytes, not a whole number of ${s.type}`);
      const sab = new SharedArrayBuffer(s.bytes);
      const view = new Uint8Array(sab);
      const hash = createHash("sha256");
      for (let off = 0; off < s.bytes; ) {
        const n = readSync(fd, view, off, Math.min(CHUNK, s.bytes - off), s.offset + off);
        if (n <= 0) throw new ImageError(path, `section "${s.name}" is truncated — delete it; the server rebuilds it from the store`);
        hash.update(view.subarray(off, off + n));
        off += n;
      }
      if (hash.digest("hex") !== s.sha256) {
        throw new ImageError(path, `section "${s.name}" damaged (checksum mismatch) — delete it; the server rebuilds it from the store`);
      }
      buffers[s.name] = sab;
    }
    return { header, buffers };
  } finally {
    closeSync(fd);
  }
}

/** A section as its typed array (a view on the shared buffer: no copy). */
export function sectionArray<T = ReturnType<(typeof ARRAY_OF)["u8"]["prototype"]["subarray"]>>(image: LoadedImage, name: string): T {
  const s = image.header.sections.find((e) => e.name === name);
  const buf = image.buffers[name];
  if (!s || !buf) throw new Error(`corpus image has no section "${name}"`);
  return new ARRAY_OF[s.type](buf) as T;
}
