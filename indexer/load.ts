// `load`: fills fresh Meilisearch indexes and swaps them in, so search never
// goes dark during a reindex. The indexer uses an admin key; nothing here runs
// in the request path.
import { NdjsonBody, type MeiliClient } from "../server/meili/client.ts";
import { MeiliApiError } from "../server/errors/index.ts";
import type { PassageDocument, ReportDocument } from "./documents.ts";

export interface IndexNames {
  reports: string;
  passages: string;
}

export function indexNames(prefix = ""): IndexNames {
  return { reports: `${prefix}reports`, passages: `${prefix}passages` };
}

export const FILTERABLE = ["sector", "year", "docType", "level", "kind", "isDuplicate", "reportId", "id"];

/** `synonyms` are already in code words (see codes.ts). */
export function indexSettings(synonyms: Record<string, string[]>, kind: "reports" | "passages") {
  return {
    searchableAttributes: kind === "reports" ? ["titleSeg", "body"] : ["body"],
    displayedAttributes:
      kind === "reports"
        ? ["id", "title", "source", "chars", "sectorConfidence", "duplicateOf", "sector", "docType", "level", "kind", "isDuplicate", "year"]
        : ["id", "reportId", "title", "section", "start", "end", "sector", "docType", "level", "kind", "isDuplicate", "year"],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ["year", "chars", "title"],
    // The text is code words (codes.ts); the locale documents what they stand for.
    localizedAttributes: [{ locales: ["cmn"], attributePatterns: ["*"] }],
    synonyms,
    // Typos and prefixes are meaningless on Chinese words and would make search
    // disagree with exact token counts: a word query matches that word only.
    typoTolerance: { enabled: false },
    prefixSearch: "disabled",
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { "*": "count" } },
  };
}

export interface LoadInput {
  reports: ReportDocument[];
  passages: PassageDocument[];
  /** in code words */
  synonyms: Record<string, string[]>;
}

export interface LoadProgress {
  (done: number, total: number, phase: string): void;
}

const BATCH_BYTES = 8 * 1024 * 1024;

function* ndjsonBatches(docs: object[]): Generator<string> {
  let lines: string[] = [];
  let size = 0;
  for (const d of docs) {
    const line = JSON.stringify(d);
    lines.push(line);
    size += line.length * 3;
    if (size > BATCH_BYTES) {
      yield lines.join("\n");
      lines = [];
      size = 0;
    }
  }
  if (lines.length) yield lines.join("\n");
}

async function indexExists(client: MeiliClient, uid: string): Promise<boolean> {
  try {
    await client.request("GET", `/indexes/${uid}`, undefined, 10_000);
    return true;
  } catch (e) {
    if (e instanceof MeiliApiError && e.status === 404) return false;
    throw e;
  }
}

async function recreate(client: MeiliClient, uid: string): Promise<void> {
  if (await indexExists(client, uid)) await client.run("DELETE", `/indexes/${uid}`);
  await client.run("POST", "/indexes", { uid, primaryKey: "id" });
}

async function addDocuments(client: MeiliClient, uid: string, docs: object[], progress: LoadProgress | undefined, phase: string): Promise<void> {
  const tasks: number[] = [];
  for (const batch of ndjsonBatches(docs)) {
    tasks.push(
      await client.enqueue("POST", `/indexes/${uid}/documents?primaryKey=id`, new NdjsonBody(batch), 300_000),
    );
  }
  // Meilisearch batches consecutive additions itself; we wait on each task in order.
  let done = 0;
  for (const t of tasks) {
    await client.waitForTask(t, 3_600_000);
    done++;
    progress?.(done, tasks.length, phase);
  }
}

/**
 * Builds `<name>_next` indexes, fills them, then swaps them with the live ones
 * in one atomic Meilisearch task and drops the old data.
 */
export async function loadIndexes(client: MeiliClient, names: IndexNames, input: LoadInput, progress?: LoadProgress): Promise<void> {
  const plan = [
    { live: names.reports, docs: input.reports as object[], kind: "reports" as const },
    { live: names.passages, docs: input.passages as object[], kind: "passages" as const },
  ];
  for (const p of plan) {
    const next = `${p.live}_next`;
    await recreate(client, next);
    // Settings first: changing them after the documents would index everything twice.
    await client.run("PATCH", `/indexes/${next}/settings`, indexSettings(input.synonyms, p.kind));
    await addDocuments(client, next, p.docs, progress, p.kind);
    if (!(await indexExists(client, p.live))) await client.run("POST", "/indexes", { uid: p.live, primaryKey: "id" });
  }
  await client.run(
    "POST",
    "/swap-indexes",
    plan.map((p) => ({ indexes: [p.live, `${p.live}_next`] })),
  );
  for (const p of plan) await client.run("DELETE", `/indexes/${p.live}_next`);
}

export async function documentCount(client: MeiliClient, uid: string): Promise<number | null> {
  try {
    const stats = await client.request<{ numberOfDocuments: number }>("GET", `/indexes/${uid}/stats`);
    return stats.numberOfDocuments;
  } catch (e) {
    if (e instanceof MeiliApiError && e.status === 404) return null;
    throw e;
  }
}
