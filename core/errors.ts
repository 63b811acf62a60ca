// Typed HTTP errors. Routes and services throw these; the one error middleware
// (middlewares/error.ts) turns them into `{ error: { code, message, field? } }`, as it
// does Meilisearch's errors (core/meili/errors/). Every code is one of core/api/errorCodes.ts.
import type { ErrorCode, ErrorDetail } from "./api/errorCodes.ts";

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** what the message is built from, for a client that words it in its own language */
    readonly detail?: ErrorDetail,
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpError {
  override name = "BadRequestError";
  constructor(message: string, field?: string, code: ErrorCode = "bad_request", detail?: ErrorDetail) {
    super(400, code, message, field, detail);
  }
}

export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(message: string) {
    super(404, "not_found", message);
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

/** An analysis ran past its deadline (WENYUAN_ANALYTICS_TIMEOUT_MS) and was stopped. */
export class AnalyticsTimeoutError extends HttpError {
  override name = "AnalyticsTimeoutError";
  constructor(readonly limitMs: number) {
    super(504, "analytics_timeout", `the analysis took longer than the limit of ${limitMs} ms (WENYUAN_ANALYTICS_TIMEOUT_MS) and was stopped; narrow the selection or ask for fewer rows`, undefined, { limitMs });
  }
}

/**
 * An analysis needed more heap than its worker may hold (V8's limit) and Node stopped the worker;
 * a fresh worker takes its place and the server goes on.
 */
export class AnalyticsMemoryError extends HttpError {
  override name = "AnalyticsMemoryError";
  constructor() {
    super(503, "analytics_memory", "the analysis needed more memory than an analytics worker may hold and was stopped; narrow the selection or ask for fewer rows");
  }
}

/** Analyses are queued to the limit, or this client already runs its share: retry after `retryAfter` s. */
export class AnalyticsBusyError extends HttpError {
  override name = "AnalyticsBusyError";
  constructor(
    code: "analytics_queue_full" | "analytics_client_limit",
    message: string,
    readonly retryAfter: number,
  ) {
    super(429, code, message);
  }
}

/** The client went away before its analysis finished; the work was cancelled and nobody reads the answer. */
export class ClientClosedError extends HttpError {
  override name = "ClientClosedError";
  constructor() {
    super(499, "client_closed_request", "the client closed the connection; the analysis was cancelled");
  }
}
