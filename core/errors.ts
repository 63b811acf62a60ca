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

/** Reading needs the read token (or a session from the login page). */
export class UnauthorizedError extends HttpError {
  override name = "UnauthorizedError";
  constructor(message = "this Wenyuan is private: send Authorization: Bearer <token> or sign in") {
    super(401, "unauthorized", message);
  }
}

/** Writing needs the admin token (or, when none is set, a request from this machine). */
export class ForbiddenError extends HttpError {
  override name = "ForbiddenError";
  constructor(message: string) {
    super(403, "forbidden", message);
  }
}

/** The path exists but not with this method; `allow` becomes the Allow header. */
export class MethodNotAllowedError extends HttpError {
  override name = "MethodNotAllowedError";
  constructor(
    method: string,
    path: string,
    readonly allow: readonly string[],
  ) {
    super(405, "method_not_allowed", `${method} is not allowed on ${path}; use ${allow.join(", ")}`);
  }
}

/** The server is starting, reindexing or shutting down; try again shortly. */
export class NotReadyError extends HttpError {
  override name = "NotReadyError";
  constructor(code: "starting" | "shutting_down", message: string) {
    super(503, code, message);
  }
}
