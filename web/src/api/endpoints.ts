// One function per API endpoint, derived from the endpoint table (core/api/endpoints.ts): the path
// comes from the table and each answer is parsed with the entry's response schema, so its type is
// the schema's z.infer.
import { API, type EndpointName, type ResponseOf } from "../../../core/api/endpoints.ts";
import type { Correction, DraftCheckRequest, SaveQueryRequest, SubcorpusDefinition } from "../../../core/api/schema.ts";
import { request, send, type Params } from "./client.ts";

type Signal = AbortSignal | undefined;

/** An entry's path below /api/, its path parameters ({id}, {name}) filled from `path`. */
const urlOf = (name: EndpointName, path: Record<string, string>) => API[name].path.replace(/^\/api\//, "").replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(path[k] ?? ""));

/** GET an endpoint; `path` fills the path parameters. */
export function call<N extends EndpointName>(name: N, params: Params = {}, signal?: Signal, path: Record<string, string> = {}): Promise<ResponseOf<N>> {
  return request(urlOf(name, path), params, API[name].response, signal) as Promise<ResponseOf<N>>;
}

export const getHealth = (s?: Signal) => call("health", {}, s);
export const getStats = (s?: Signal) => call("stats", {}, s);
export const search = (p: Params, s?: Signal) => call("search", p, s);
export const getReport = (id: string, p: Params, s?: Signal) => call("report", p, s, { id });
export const kwic = (p: Params, s?: Signal) => call("kwic", p, s);
export const frequency = (p: Params, s?: Signal) => call("frequency", p, s);
export const breakdown = (p: Params, s?: Signal) => call("breakdown", p, s);
export const batch = (p: Params, s?: Signal) => call("batch", p, s);
export const trends = (p: Params, s?: Signal) => call("trends", p, s);
export const keyness = (p: Params, s?: Signal) => call("keyness", p, s);
export const collocates = (p: Params, s?: Signal) => call("collocates", p, s);
export const ngrams = (p: Params, s?: Signal) => call("ngrams", p, s);
export const themes = (p: Params, s?: Signal) => call("themes", p, s);
export const phrasing = (p: Params, s?: Signal) => call("phrasing", p, s);
export const formulas = (p: Params, s?: Signal) => call("formulas", p, s);
export const frames = (p: Params, s?: Signal) => call("frames", p, s);
export const sketchdiff = (p: Params, s?: Signal) => call("sketchdiff", p, s);
export const similar = (p: Params, s?: Signal) => call("similar", p, s);
export const suggest = (p: Params, s?: Signal) => call("suggest", p, s);
export const getSources = (s?: Signal) => call("sources", {}, s);
export const getJob = (id: string, s?: Signal) => call("job", {}, s, { id });

/** A write entry of the table: its path (parameters filled), method and answer schema. */
function write<N extends "upload" | "startJob" | "correct" | "correctMany" | "undoCorrection" | "draftCheck" | "createSubcorpus" | "replaceSubcorpus" | "deleteSubcorpus" | "saveQuery" | "deleteQuery" | "saveCoding" | "codeLines" | "deleteCoding">(
  name: N,
  path: Record<string, string>,
  body: unknown,
  onProgress?: (sent: number, total: number) => void,
): Promise<ResponseOf<N>> {
  const e = API[name];
  return send(e.method === "POST" || e.method === "DELETE" ? e.method : "PUT", urlOf(name, path), body, e.response, onProgress) as Promise<ResponseOf<N>>;
}

export const uploadFile = (file: File, onProgress: (sent: number, total: number) => void) => write("upload", { name: file.name }, file, onProgress);
export const startJob = (body: { add: string[]; replace?: boolean } | { remove: string[] }) => write("startJob", {}, body);
export const correctReport = (id: string, correction: Correction) => write("correct", { id }, correction);
export const correctMany = (body: { ids: string[]; set: Correction }) => write("correctMany", {}, body);
export const undoCorrection = (body: { entry: number } | { report: string }) => write("undoCorrection", {}, body);
/** A whole draft checked against the corpus: POST, so the text is never in a URL. */
export const checkDraft = (body: DraftCheckRequest) => write("draftCheck", {}, body);

export const getSubcorpora = (s?: Signal) => call("subcorpora", {}, s);
export const createSubcorpus = (body: { name: string; description?: string; by?: string; definition: SubcorpusDefinition }) => write("createSubcorpus", {}, body);
export const deleteSubcorpus = (id: string) => write("deleteSubcorpus", { id }, undefined);

export const getQueries = (s?: Signal) => call("queries", {}, s);
export const saveQuery = (body: SaveQueryRequest) => write("saveQuery", {}, body);
export const deleteQuery = (id: string) => write("deleteQuery", { id }, undefined);

/** Categorised concordances: a query's coding, its distribution, and the writes (saved as the researcher codes). */
export const getCoding = (p: Params, s?: Signal) => call("codingOf", p, s);
export const codingDistribution = (p: Params, s?: Signal) => call("codingDistribution", p, s);
export const saveCoding = (body: { query: Params; categories: { name: string; key?: string }[]; assignments?: Record<string, string> }) => write("saveCoding", {}, body);
export const codeLines = (id: string, set: Record<string, string | null>) => write("codeLines", { id }, { set });
export const deleteCoding = (id: string) => write("deleteCoding", { id }, undefined);
