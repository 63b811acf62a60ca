// The official Meilisearch client (meilisearch-js), set up once for every part of Wenyuan: who it
// speaks for (the key) decides how long a request may take. Requests go through `call`
// (call.ts), which turns the client's errors into ours.
import { Meilisearch } from "meilisearch";
import { nodeHttpClient } from "./transport.ts";

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
    httpClient: nodeHttpClient,
    requestInit: {
      headers: {
        // Plain bytes: a compressed response streamed by Meilisearch often waited ~40 ms on TCP
        // delayed ACK when fetch() asked for gzip/br (measured: p50 44 ms vs 1–3 ms, bench/README.md),
        // and responses are small (ids and metadata). The transport (transport.ts) decodes none.
        "Accept-Encoding": "identity",
      },
    },
  });
}

/** The same Meilisearch with another key. */
export function withKey(client: Meilisearch, apiKey: string, role: KeyRole): Meilisearch {
  return meiliClient(client.config.host, apiKey, role);
}
