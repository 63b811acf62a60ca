// API keys, looked up and created with the master key: the indexer gets Meilisearch's default admin
// key, the server a search-only key on its own indexes. The master key does nothing else.
import type { Meilisearch } from "meilisearch";
import { call } from "./call.ts";
import { withKey } from "./client.ts";
import { MeiliConnectError } from "./errors/connect.ts";
import { searchKeyCreation, searchKeyName } from "./requests.ts";

export async function adminClient(master: Meilisearch): Promise<Meilisearch> {
  const keys = await call(() => master.getKeys({ limit: 100 }));
  const admin = keys.results.find((k) => k.name === "Default Admin API Key") ?? keys.results.find((k) => k.actions.includes("*") && k.indexes.includes("*"));
  if (!admin) throw new MeiliConnectError("Meilisearch has no admin API key");
  return withKey(master, admin.key, "admin");
}

/** Created once, then reused. */
export async function searchClient(master: Meilisearch, indexes: string[]): Promise<Meilisearch> {
  const keys = await call(() => master.getKeys({ limit: 1000 }));
  let key = keys.results.find((k) => k.name === searchKeyName(indexes))?.key;
  key ??= (await call(() => master.createKey(searchKeyCreation(indexes)))).key;
  return withKey(master, key, "search");
}
