// One worker of the analytics pool. It attaches to the corpus image the task names (the shared
// buffers the main thread loaded: no copy) the first time it sees that generation, applies the
// report corrections the task carries when they changed, and runs the task (tasks.ts).
import { workerData } from "node:worker_threads";
import type { Report } from "../../core/model.ts";
import type { LoadedImage } from "../../core/image/reader.ts";
import { attachCorpus } from "../corpus/image.ts";
import { ResultCache } from "../cache.ts";
import { runTask, type AnalysisTask, type TaskScope } from "./tasks.ts";

export interface ReportPatch {
  id: string;
  fields: Partial<Pick<Report, "sector" | "year" | "docType" | "level" | "title">>;
}

export interface Envelope {
  /** the loaded image and its generation: a worker re-attaches when the generation changes */
  image: LoadedImage & { generation: number };
  /** every metadata correction made since the load, oldest first, and a version that changes with them */
  patches: { version: number; list: ReportPatch[] };
  task: AnalysisTask | { name: "warm" };
  /** set to 1 (and notified) when this worker starts the task: the main thread's RunContext.onStart */
  started?: Int32Array;
}

const { stopwords } = workerData as { stopwords: string[] };
// Intermediate substring matches, per worker; bounded by bytes like the main cache.
const WORKER_CACHE_BYTES = 64 * 1024 * 1024;

let scope: (TaskScope & { patched: number }) | null = null;

export default function run(e: Envelope): unknown {
  if (!scope || scope.generation !== e.image.generation) {
    scope = null; // drop the old corpus before attaching the new one
    scope = { ...attachCorpus(e.image, stopwords), cache: new ResultCache(WORKER_CACHE_BYTES), generation: e.image.generation, patched: 0 };
  }
  if (scope.patched !== e.patches.version) {
    for (const p of e.patches.list) {
      const doc = scope.corpus.byId.get(p.id);
      if (doc) Object.assign(doc.report, p.fields);
    }
    scope.patched = e.patches.version;
    scope.cache.clear();
  }
  if (e.task.name === "warm") return null;
  if (e.started && Atomics.compareExchange(e.started, 0, 0, 1) === 0) Atomics.notify(e.started, 0);
  return runTask(scope, e.task);
}
