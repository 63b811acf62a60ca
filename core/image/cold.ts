// Cold sections of the corpus image (layout.ts COLD_SECTIONS): read from the image file when a
// report's text or lists are asked for, instead of held in every process's memory. A read is one
// pread from the kernel's page cache (a few µs for a report), which keeps the pages that are read
// often, shares them between threads and gives them back under memory pressure.
//
// The file is opened once, by the thread that loads the image; other threads receive its
// descriptor with the image (fds are per process). It is closed when the loading thread no longer
// holds the ImageFile — that is, when neither the corpus attached to it nor any analysis sent with
// it is still running — so a reload never pulls the file from under a reader.
import { closeSync, readSync } from "node:fs";
import { ARRAY_OF, ImageError, type SectionEntry, type TypedArray } from "./layout.ts";

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // nothing else closes it; a failure here must not take the server down
  }
});

let scratch = Buffer.allocUnsafe(64 * 1024);

export class ImageFile {
  constructor(
    readonly path: string,
    readonly fd: number,
  ) {
    closer.register(this, fd);
  }
}

export class ColdSection {
  constructor(
    /** an ImageFile, or its copy posted to a worker ({ path, fd }) */
    private readonly file: { readonly path: string; readonly fd: number },
    private readonly section: SectionEntry,
  ) {}

  /** Elements [from, to) of the section, in a fresh (aligned) array of its type. */
  array<T extends TypedArray>(from: number, to: number): T {
    const Type = ARRAY_OF[this.section.type];
    const out = new Type(new ArrayBuffer((to - from) * Type.BYTES_PER_ELEMENT));
    this.readInto(new Uint8Array(out.buffer), from * Type.BYTES_PER_ELEMENT);
    return out as T;
  }

  /**
   * Bytes [from, to) of the section decoded as text. Read into one scratch buffer per thread (the
   * string is a copy): a fresh buffer per read cost more than the read itself.
   */
  string(from: number, to: number, encoding: "utf8" | "utf16le"): string {
    if (scratch.length < to - from) scratch = Buffer.allocUnsafe(Math.max(to - from, 2 * scratch.length));
    this.readInto(scratch.subarray(0, to - from), from);
    return scratch.toString(encoding, 0, to - from);
  }

  private readInto(out: Uint8Array, from: number): void {
    for (let got = 0; got < out.length; ) {
      const n = readSync(this.file.fd, out, got, out.length - got, this.section.offset + from + got);
      if (n <= 0) throw new ImageError(this.file.path, `section "${this.section.name}" is truncated — delete it; the server rebuilds it from the store`);
      got += n;
    }
  }
}

/** A cold section of `image` by name. */
export function coldSection(image: { header: { sections: SectionEntry[] }; file: { path: string; fd: number } }, name: string): ColdSection {
  const s = image.header.sections.find((e) => e.name === name);
  if (!s) throw new Error(`corpus image has no section "${name}"`);
  return new ColdSection(image.file, s);
}
