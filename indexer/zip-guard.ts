// Measures what a .docx (a ZIP archive) really expands to before anyone unpacks it: every entry is
// inflated with a hard output limit (zlib `maxOutputLength`), so a 1 MB archive that expands to
// 300 MB is refused after at most the limit, whatever sizes its headers claim. O(expanded bytes).
import { inflateRawSync } from "node:zlib";

export const MAX_EXPANDED_BYTES = 64 * 1024 * 1024;

/** null when the archive expands to at most `limit` bytes in all; otherwise why not. */
export function zipExpansionProblem(bytes: Uint8Array, limit = MAX_EXPANDED_BYTES): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "not a ZIP archive";
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return "damaged ZIP directory";
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLength + extra + comment;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return "damaged ZIP entry";
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    const room = limit - total;
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, room) }).length;
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return expands(limit);
        return "damaged ZIP data";
      }
    } else return `unsupported ZIP compression method ${method}`;
    if (total > limit) return expands(limit);
  }
  return null;
}

const expands = (limit: number) => `expands to more than ${Math.round(limit / 1048576)} MB when unpacked (a ZIP bomb?)`;
