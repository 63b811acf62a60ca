// The one place where the official client's errors become Wenyuan's (errors/): every request the
// project sends goes through `call`, so the rest of the code sees three kinds of failure —
// unreachable or too slow, an error answer (tasks.ts adds the third: a task that did not succeed)
// — never a client class.
import { MeiliSearchApiError, MeiliSearchRequestError, MeiliSearchRequestTimeOutError } from "meilisearch";
import { MeiliApiError } from "./errors/api.ts";
import { MeiliUnavailableError } from "./errors/unavailable.ts";

function translate(e: unknown): unknown {
  // The client wraps whatever its transport (transport.ts) throws: an error answer or a body that
  // is not JSON comes back as the cause of a request error.
  if (e instanceof MeiliSearchRequestError && (e.cause instanceof MeiliSearchApiError || e.cause instanceof SyntaxError)) e = e.cause;
  if (e instanceof MeiliSearchApiError) {
    return new MeiliApiError(e.response.status, e.cause?.code ?? "meilisearch_error", e.message, e.cause);
  }
  if (e instanceof MeiliSearchRequestError) {
    const message =
      e.cause instanceof MeiliSearchRequestTimeOutError ? `Meilisearch did not answer within ${e.cause.cause.timeout} ms` : `Meilisearch could not be reached (${describe(e.cause)})`;
    return new MeiliUnavailableError(message, { cause: e });
  }
  // The client parses every answer as JSON: an HTML error page means something else answered
  // in Meilisearch's place (a load balancer in front of a remote one that is restarting).
  if (e instanceof SyntaxError) return new MeiliUnavailableError("something other than Meilisearch answered (not JSON)", { cause: e });
  return e;
}

/** fetch() says "fetch failed"; what failed is in its cause (ECONNREFUSED, socket closed, …). */
function describe(e: unknown): string {
  const inner = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  if (inner instanceof Error) return (inner as NodeJS.ErrnoException).code ?? inner.message;
  return String(inner);
}

/** Sends one request (or waits on one task) through the official client. */
export async function call<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (e) {
    throw translate(e);
  }
}
