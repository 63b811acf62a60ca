/** Meilisearch could not be reached, or did not answer in time (down, restarting, network). */
export class MeiliUnavailableError extends Error {
  override name = "MeiliUnavailableError";
}
