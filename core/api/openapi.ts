// OpenAPI 3.1 generated from the same zod schemas the server validates with.
import { z } from "zod";
import * as S from "./schema.ts";

interface Endpoint {
  path: string;
  summary: string;
  query?: z.ZodObject;
  pathParams?: string[];
  response: z.ZodType;
  csv?: boolean;
}

export const ENDPOINTS: Endpoint[] = [
  { path: "/api/health", summary: "Service health: Meilisearch and the corpus store", response: S.HealthSchema },
  { path: "/api/stats", summary: "Corpus size", response: S.StatsSchema },
  { path: "/api/search", summary: "Faceted word, phrase and substring search over reports or passages", query: S.SearchQuerySchema, response: S.SearchResponseSchema },
  { path: "/api/reports", summary: "The document table", query: S.ReportsQuerySchema, response: S.ReportsResponseSchema },
  { path: "/api/reports/{id}", summary: "One report in full", query: S.ReportQuerySchema, pathParams: ["id"], response: S.ReportSchema },
  { path: "/api/facets/{name}", summary: "Facet value search with counts", query: S.FacetQuerySchema, pathParams: ["name"], response: S.FacetResponseSchema },
  { path: "/api/suggest", summary: "Completion from the corpus vocabulary", query: S.SuggestQuerySchema, response: S.SuggestResponseSchema },
  { path: "/api/kwic", summary: "Keyword in context", query: S.KwicQuerySchema, response: S.KwicResponseSchema, csv: true },
  { path: "/api/frequency", summary: "Word list", query: S.FrequencyQuerySchema, response: S.FrequencyResponseSchema, csv: true },
  { path: "/api/breakdown", summary: "A term by sector, year, docType or level", query: S.BreakdownQuerySchema, response: S.BreakdownResponseSchema, csv: true },
  { path: "/api/keyness", summary: "Keyness (G², log ratio) of subcorpus a against b", query: S.KeynessQuerySchema, response: S.KeynessResponseSchema, csv: true },
  { path: "/api/collocates", summary: "Collocates of a term (MI, LLR, t, logDice)", query: S.CollocatesQuerySchema, response: S.CollocatesResponseSchema, csv: true },
  { path: "/api/ngrams", summary: "Recurring word sequences", query: S.NgramsQuerySchema, response: S.NgramsResponseSchema, csv: true },
  { path: "/api/themes", summary: "Theme × group matrix", query: S.ThemesQuerySchema, response: S.ThemesResponseSchema, csv: true },
  { path: "/api/phrasing", summary: "How reports phrase a term: variant clusters", query: S.PhrasingQuerySchema, response: S.PhrasingResponseSchema, csv: true },
  { path: "/api/formulas", summary: "Recurring formulas with gaps", query: S.FormulasQuerySchema, response: S.FormulasResponseSchema, csv: true },
  { path: "/api/similar", summary: "Corpus sentences closest to a given text", query: S.SimilarQuerySchema, response: S.SimilarResponseSchema, csv: true },
];

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

function parameters(e: Endpoint): object[] {
  const params: object[] = (e.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  if (e.query) {
    const schema = jsonSchema(e.query, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      delete prop.$schema;
      params.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: prop, ...(prop.type === "array" ? { style: "form", explode: true } : {}) });
    }
  }
  return params;
}

export function openApiDocument(): object {
  const error = { description: "Error", content: { "application/json": { schema: strip(jsonSchema(S.ErrorSchema, "output")) } } };
  const paths: Record<string, object> = {};
  for (const e of ENDPOINTS) {
    const content: Record<string, object> = { "application/json": { schema: strip(jsonSchema(e.response, "output")) } };
    if (e.csv) content["text/csv"] = { schema: { type: "string" } };
    paths[e.path] = {
      get: {
        summary: e.summary,
        parameters: parameters(e),
        responses: { "200": { description: "OK", content }, "400": error, ...(e.pathParams ? { "404": error } : {}), "503": error },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Wenyuan 文渊 API", version: "1.0.0", description: "Search and corpus analytics over Chinese work reports. Every endpoint is GET; repeat a parameter for OR (sector=hospital&sector=school)." },
    servers: [{ url: "/" }],
    paths,
  };
}

function strip(schema: Record<string, unknown>): Record<string, unknown> {
  delete schema.$schema;
  return schema;
}
