// The Meilisearch indexes Wenyuan keeps (reports, passages): their names, and what the indexer and
// the server do with them. Bodies come from requests.ts; every call goes through call.ts.
import type { DocumentsDeletionQuery, DocumentsIds, EnqueuedTask, Meilisearch, RecordAny, Settings } from "meilisearch";
import { call } from "./call.ts";
import { MeiliApiError } from "./errors/api.ts";
import { INDEX_OPTIONS, indexSwaps } from "./requests.ts";
import { runTask } from "./tasks.ts";

export interface IndexNames {
  reports: string;
  passages: string;
}

export function indexNames(prefix = ""): IndexNames {
  return { reports: `${prefix}reports`, passages: `${prefix}passages` };
}

const isNotFound = (e: unknown) => e instanceof MeiliApiError && e.status === 404;

/** Every index on this Meilisearch, by uid. */
export async function indexUids(client: Meilisearch): Promise<string[]> {
  return (await call(() => client.getRawIndexes({ limit: 10_000 }))).results.map((i) => i.uid);
}

export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await call(() => client.getRawIndex(uid));
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** Documents in an index; null when there is no such index. */
export async function documentCount(client: Meilisearch, uid: string): Promise<number | null> {
  try {
    return (await call(() => client.index(uid).getStats())).numberOfDocuments;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

export async function createIndex(client: Meilisearch, uid: string): Promise<void> {
  await runTask(client, () => client.createIndex(uid, INDEX_OPTIONS));
}

export async function deleteIndex(client: Meilisearch, uid: string): Promise<void> {
  await runTask(client, () => client.deleteIndex(uid));
}

export async function updateSettings(client: Meilisearch, uid: string, settings: Settings): Promise<void> {
  await runTask(client, () => client.index(uid).updateSettings(settings));
}

/** Puts the `next` indexes live and the live ones under the `next` names, in one task. */
export async function swapIndexes(client: Meilisearch, live: IndexNames, next: IndexNames): Promise<void> {
  await runTask(client, () => client.swapIndexes(indexSwaps(live, next)));
}

/** Queues changes to some fields of existing documents (by id); other fields are kept. */
export function updateDocuments(client: Meilisearch, uid: string, documents: RecordAny[]): Promise<EnqueuedTask> {
  return call(() => client.index(uid).updateDocuments(documents));
}

/** Queues the deletion of documents: by id, or those a filter selects. */
export function deleteDocuments(client: Meilisearch, uid: string, which: DocumentsIds | DocumentsDeletionQuery): Promise<EnqueuedTask> {
  return call(() => client.index(uid).deleteDocuments(which));
}

/** Queues a batch of documents, already serialised as NDJSON (sent as it is, never parsed here). */
export function addNdjson(client: Meilisearch, uid: string, ndjson: string): Promise<EnqueuedTask> {
  return call(() => client.index(uid).addDocumentsFromString(ndjson, "application/x-ndjson", INDEX_OPTIONS));
}
