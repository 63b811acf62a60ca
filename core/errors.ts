// Typed errors. Routes and services throw these; the one error middleware
// (middlewares/error.ts) turns them into `{ error: { code, message, field? } }`.

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpError {
  override name = "BadRequestError";
  constructor(message: string, field?: string, code = "bad_request") {
    super(400, code, message, field);
  }
}

export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

/** Meilisearch did not answer (down, restarting, network) — a 503, never a 500. */
export class MeiliUnavailableError extends HttpError {
  override name = "MeiliUnavailableError";
  constructor(message = "Meilisearch is unavailable; search will resume when it is back", options?: { cause?: unknown }) {
    super(503, "search_unavailable", message);
    if (options?.cause) this.cause = options.cause;
  }
}

/** Meilisearch answered with an error body; kept as `cause`. */
export class MeiliApiError extends Error {
  override name = "MeiliApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The corpus store is missing or damaged: analytics refuse to serve numbers from it. */
export class CorpusUnavailableError extends HttpError {
  override name = "CorpusUnavailableError";
  constructor(message: string) {
    super(503, "corpus_unavailable", message);
  }
}
