// Every `code` an error answer of the API can carry (`{ error: { code, message, field?, detail? } }`),
// in one list: HttpError's code is typed by it, and the web app has a message in each language for
// each (test/web/error-messages.test.ts checks both against the server's sources).
export const ERROR_CODES = [
  // 400 and other client errors
  "bad_request",
  "invalid_parameter",
  "invalid_json",
  "payload_too_large",
  "cql_syntax",
  "regex_syntax",
  "regex_too_slow",
  "unsupported_format",
  "empty_file",
  "request_too_large",
  "request_timeout",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "rate_limited",
  "analytics_queue_full",
  "analytics_client_limit",
  "client_closed_request",
  // the server's side
  "internal",
  "search_error",
  "search_unavailable",
  "meilisearch_failed",
  "corpus_unavailable",
  "starting",
  "shutting_down",
  "analytics_timeout",
  "analytics_memory",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values an error's message is built from, for a client to say it in its own words (a CQL error's column). */
export type ErrorDetail = Record<string, string | number>;
