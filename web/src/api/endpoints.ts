// One function per API resource, each parsing its answer with the shared schema.
import {
  BreakdownResponseSchema,
  CollocatesResponseSchema,
  FormulasResponseSchema,
  FrequencyResponseSchema,
  HealthSchema,
  KeynessResponseSchema,
  KwicResponseSchema,
  NgramsResponseSchema,
  PhrasingResponseSchema,
  ReportSchema,
  SearchResponseSchema,
  SimilarResponseSchema,
  StatsSchema,
  SuggestResponseSchema,
  ThemesResponseSchema,
} from "../../../core/api/schema.ts";
import { request, type Params } from "./client.ts";

type Signal = AbortSignal | undefined;

export const getHealth = (s?: Signal) => request("health", {}, HealthSchema, s);
export const getStats = (s?: Signal) => request("stats", {}, StatsSchema, s);
export const search = (p: Params, s?: Signal) => request("search", p, SearchResponseSchema, s);
export const getReport = (id: string, p: Params, s?: Signal) => request(`reports/${encodeURIComponent(id)}`, p, ReportSchema, s);
export const kwic = (p: Params, s?: Signal) => request("kwic", p, KwicResponseSchema, s);
export const frequency = (p: Params, s?: Signal) => request("frequency", p, FrequencyResponseSchema, s);
export const breakdown = (p: Params, s?: Signal) => request("breakdown", p, BreakdownResponseSchema, s);
export const keyness = (p: Params, s?: Signal) => request("keyness", p, KeynessResponseSchema, s);
export const collocates = (p: Params, s?: Signal) => request("collocates", p, CollocatesResponseSchema, s);
export const ngrams = (p: Params, s?: Signal) => request("ngrams", p, NgramsResponseSchema, s);
export const themes = (p: Params, s?: Signal) => request("themes", p, ThemesResponseSchema, s);
export const phrasing = (p: Params, s?: Signal) => request("phrasing", p, PhrasingResponseSchema, s);
export const formulas = (p: Params, s?: Signal) => request("formulas", p, FormulasResponseSchema, s);
export const similar = (p: Params, s?: Signal) => request("similar", p, SimilarResponseSchema, s);
export const suggest = (p: Params, s?: Signal) => request("suggest", p, SuggestResponseSchema, s);
