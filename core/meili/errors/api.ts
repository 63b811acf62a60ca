import type { MeiliSearchErrorResponse } from "meilisearch";

/** Meilisearch answered with an error: its HTTP status and error code; its error body is the `cause`. */
export class MeiliApiError extends Error {
  override name = "MeiliApiError";
  declare readonly cause: MeiliSearchErrorResponse | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    body?: MeiliSearchErrorResponse,
  ) {
    super(message, { cause: body });
  }
}
