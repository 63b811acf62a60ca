// How the official client's requests travel: node:http over kept-alive sockets, given to
// meilisearch-js as its `httpClient`. The client still builds every request (URL, headers, body,
// the timeout's signal) and reads every answer's errors; only the transport changes. fetch()
// (undici's WHATWG layer: Request, Headers and stream objects per call) cost the server more CPU
// per search than the rest of its search path, and on two cores every CPU-millisecond the server
// spends is one Meilisearch cannot (issue 13: search throughput against Meilisearch alone).
import http from "node:http";
import https from "node:https";
import { MeiliSearchApiError } from "meilisearch";

type Init = { method?: string; headers?: HeadersInit; body?: unknown; signal?: AbortSignal | null };

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

// The client passes the same Headers object for every request without extra headers: converted once.
const plainHeaders = new WeakMap<object, Record<string, string>>();
function headersOf(h: HeadersInit | undefined): Record<string, string> {
  if (!h) return {};
  if (h instanceof Headers) {
    let plain = plainHeaders.get(h);
    if (!plain) plainHeaders.set(h, (plain = Object.fromEntries(h)));
    return plain;
  }
  return Array.isArray(h) ? Object.fromEntries(h) : (h as Record<string, string>);
}

/** meilisearch-js `httpClient`: the answer's JSON (undefined when empty); a non-2xx answer is the client's own MeiliSearchApiError. */
export function nodeHttpClient(input: string | URL | Request, init: Init = {}): Promise<unknown> {
  // the client always passes a URL (meilisearch-js HttpRequests#prepareRequest)
  const url = input instanceof URL ? input : new URL(typeof input === "string" ? input : input.url);
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    // the client aborts with its own reason on timeout, and recognises it by identity
    if (signal?.aborted) return reject(signal.reason);
    const body = init.body === undefined || init.body === null ? undefined : typeof init.body === "string" || init.body instanceof Uint8Array ? init.body : String(init.body);
    const headers = body === undefined ? headersOf(init.headers) : { ...headersOf(init.headers), "Content-Length": String(Buffer.byteLength(body)) };
    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request(url, { method: init.method ?? "GET", headers, agent: agents[url.protocol as keyof typeof agents] }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const text = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
        let parsed: unknown;
        try {
          parsed = text === "" ? undefined : JSON.parse(text);
        } catch (e) {
          return reject(e); // not Meilisearch answering (call.ts says so)
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(parsed);
        reject(new MeiliSearchApiError(new Response(null, { status, statusText: res.statusMessage ?? "" }), parsed as never));
      });
    });
    const onAbort = () => {
      req.destroy();
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (e) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? signal.reason : e);
    });
    req.end(body);
  });
}
