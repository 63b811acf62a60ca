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
import { ImageError, type SectionEntry } from "./layout.ts";

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

export class ImageFile {
  constructor(
    readonly path: string,
    readonly fd: number,
  ) {
    closer.register(this, fd, this);
  }

  /** Closes now (tests, shutdown); a later read throws. */
  close(): void {
    closer.unregister(this);
    closeSync(this.fd);
  }
}

export class ColdSection {
  constructor(
    /** an ImageFile, or its copy posted to a worker ({ path, fd }) */
    private readonly file: { readonly path: string; readonly fd: number },
    private readonly section: SectionEntry,
  ) {}

  /** Bytes [from, to) of the section. */
  read(from: number, to: number): Buffer {
    const out = Buffer.allocUnsafe(to - from);
    for (let got = 0; got < out.length; ) {
      const n = readSync(this.file.fd, out, got, out.length - got, this.section.offset + from + got);
      if (n <= 0) throw new ImageError(this.file.path, `section "${this.section.name}" is truncated — delete it; the server rebuilds it from the store`);
      got += n;
    }
    return out;
  }
}
