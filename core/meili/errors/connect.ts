/** No usable Meilisearch: MEILI_URL unreachable, or no admin key on it. */
export class MeiliConnectError extends Error {
  override name = "MeiliConnectError";
}
