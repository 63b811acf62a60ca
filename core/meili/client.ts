// The official Meilisearch client (meilisearch-js), set up once for every part of Wenyuan: who it
// speaks for (the key) decides how long a request may take. Requests go through `call`
// (call.ts), which turns the client's errors into ours.
import { Meilisearch } from "meilisearch";

/** How long one request may take, by the key it carries. */
export const TIMEOUT_MS = {
  /** the server's searches: a dead Meilisearch must become a 503 within 2 s */
  search: 1500,
  /** the indexer: an 8 MB NDJSON batch may wait on a Meilisearch busy indexing the ones before it */
  admin: 300_000,
  /** health at connect, listing and creating keys */
  master: 5000,
} as const;

export type KeyRole = keyof typeof TIMEOUT_MS;

export function meiliClient(host: string, apiKey: string, role: KeyRole): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout: TIMEOUT_MS[role],
    requestInit: {
      headers: {
        // fetch() asks for gzip/br by default; Meilisearch then streams a compressed response
        // that often waits ~40 ms on TCP delayed ACK (measured: p50 44 ms vs 1–3 ms, bench/README.md).
        // Responses are small (ids and metadata), so plain bytes are also cheaper on both ends.
        "Accept-Encoding": "identity",
      },
    },
  });
}

/** The same Meilisearch with another key. */
export function withKey(client: Meilisearch, apiKey: string, role: KeyRole): Meilisearch {
  return meiliClient(client.config.host, apiKey, role);
}
