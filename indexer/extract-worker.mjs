// Runs one .docx or .pdf extraction off the main thread (read.ts `extractBounded`), so a file that
// takes too long or too much memory is stopped (terminate, resourceLimits) and skipped with its
// reason while the run goes on. Plain JavaScript: a worker gets no TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";

const { kind, bytes } = workerData;
try {
  let text;
  if (kind === "docx") {
    const mammoth = await import("mammoth");
    text = (await mammoth.default.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } else {
    const { getDocumentProxy, extractText } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  }
  parentPort.postMessage({ ok: true, text });
} catch (error) {
  parentPort.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) });
}
