// The one request helper (and its twin for writes): builds the URL, fetches, parses the body with
// a shared zod schema, and turns error bodies into ApiError. Nothing else calls fetch.
import type { z } from "zod";
import type { ErrorDetail } from "../../../core/api/errorCodes.ts";
import { ErrorSchema } from "../../../core/api/schema.ts";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server could not be reached */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown; detail?: ErrorDetail },
  ) {
    super(message, options);
    this.detail = options?.detail;
  }

  /** what the server built its message from (a CQL error's column), for the UI to word it */
  readonly detail?: ErrorDetail;

  get unavailable(): boolean {
    return this.code === "search_unavailable" || this.status === 503;
  }
}

export type ParamValue = string | number | boolean | readonly string[] | null | undefined;
export type Params = Record<string, ParamValue>;

/** Where the app lives (WENYUAN_BASE_PATH, e.g. "/wenyuan"): the server writes it into index.html; "" at the root and under Vite's dev server. */
export const BASE_PATH = typeof document === "undefined" ? "" : (document.querySelector<HTMLMetaElement>('meta[name="wenyuan-base"]')?.content ?? "");

export function apiUrl(path: string, params: Params = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, x);
    else sp.set(k, String(v));
  }
  const qs = sp.toString();
  return `${BASE_PATH}/api/${path}${qs ? `?${qs}` : ""}`;
}

export async function request<S extends z.ZodType>(path: string, params: Params, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { signal, headers: { accept: "application/json" } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, "network", "The server could not be reached", undefined, { cause });
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (cause) {
    throw new ApiError(res.status, res.ok ? "bad_response" : "http_error", `HTTP ${res.status}`, undefined, { cause });
  }
  if (!res.ok) {
    const err = ErrorSchema.safeParse(body);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message, err.data.error.field, { cause: body, detail: err.data.error.detail });
    throw new ApiError(res.status, "http_error", `HTTP ${res.status}`, undefined, { cause: body });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, "bad_response", "The server's answer did not match the API schema", undefined, { cause: parsed.error });
  return parsed.data;
}

/**
 * A write (PUT/POST) with a JSON body, or a file's bytes with upload progress. XMLHttpRequest,
 * not fetch: only it reports how much of a large upload has gone.
 */
export function send<S extends z.ZodType>(
  method: "PUT" | "POST" | "DELETE",
  path: string,
  body: unknown,
  schema: S,
  onProgress?: (sent: number, total: number) => void,
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, apiUrl(path));
    xhr.setRequestHeader("accept", "application/json");
    const file = body instanceof Blob;
    xhr.setRequestHeader("content-type", file ? "application/octet-stream" : "application/json");
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached"));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch (cause) {
        reject(new ApiError(xhr.status, "bad_response", `HTTP ${xhr.status}`, undefined, { cause }));
        return;
      }
      if (xhr.status >= 400) {
        const err = ErrorSchema.safeParse(parsed);
        reject(err.success ? new ApiError(xhr.status, err.data.error.code, err.data.error.message, err.data.error.field, { detail: err.data.error.detail }) : new ApiError(xhr.status, "http_error", `HTTP ${xhr.status}`));
        return;
      }
      const ok = schema.safeParse(parsed);
      if (ok.success) resolve(ok.data);
      else reject(new ApiError(xhr.status, "bad_response", "The server's answer did not match the API schema", undefined, { cause: ok.error }));
    };
    xhr.send(file ? body : body === undefined ? null : JSON.stringify(body));
  });
}
