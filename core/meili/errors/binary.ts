/** No Meilisearch binary to start (MEILI_BIN wrong, or none for this platform). */
export class MeiliBinaryError extends Error {
  override name = "MeiliBinaryError";
}
