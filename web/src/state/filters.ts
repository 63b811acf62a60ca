// The facet filters every view shares (a named subcorpus, sector, year range, document type,
// level, duplicates), and their URL form. Prefixes let one URL hold two sets (Compare: a., b.).
import { DOC_TYPES, LEVELS, SECTORS, filterShape } from "../../../core/api/schema.ts";
import type { DocType, Level, Sector } from "../../../core/model.ts";
import { canonical, parseParam, raw, put } from "./route.ts";

export interface FacetFilters {
  sector: Sector[];
  docType: DocType[];
  level: Level[];
  yearFrom: number | null;
  yearTo: number | null;
  includeDuplicates: boolean;
  /** a word that is a synonym-set key also matches its synonyms (core/query.ts); on by default */
  synonyms: boolean;
  /** a named subcorpus's id (GET /api/subcorpora): the selection starts from its reports */
  subcorpus: string | null;
}

export const emptyFilters = (): FacetFilters => ({ sector: [], docType: [], level: [], yearFrom: null, yearTo: null, includeDuplicates: false, synonyms: true, subcorpus: null });

export function isEmptyFilters(f: FacetFilters): boolean {
  return !f.sector.length && !f.docType.length && !f.level.length && f.yearFrom === null && f.yearTo === null && !f.includeDuplicates && f.synonyms && f.subcorpus === null;
}

export function filtersToRoute(f: FacetFilters, params: URLSearchParams, prefix = ""): void {
  put(params, `${prefix}subcorpus`, f.subcorpus ?? "");
  put(params, `${prefix}sector`, canonical(f.sector, SECTORS));
  put(params, `${prefix}yearFrom`, f.yearFrom ?? "");
  put(params, `${prefix}yearTo`, f.yearTo ?? "");
  put(params, `${prefix}docType`, canonical(f.docType, DOC_TYPES));
  put(params, `${prefix}level`, canonical(f.level, LEVELS));
  put(params, `${prefix}includeDuplicates`, f.includeDuplicates, false);
  put(params, `${prefix}synonyms`, f.synonyms, true);
}

export function routeToFilters(params: URLSearchParams, prefix = ""): FacetFilters {
  const get = (k: string) => raw(params, prefix + k);
  return {
    sector: canonical(parseParam<Sector[]>(filterShape.sector, get("sector"), []), SECTORS),
    docType: canonical(parseParam<DocType[]>(filterShape.docType, get("docType"), []), DOC_TYPES),
    level: canonical(parseParam<Level[]>(filterShape.level, get("level"), []), LEVELS),
    yearFrom: parseParam<number | null>(filterShape.yearFrom, get("yearFrom"), null),
    yearTo: parseParam<number | null>(filterShape.yearTo, get("yearTo"), null),
    includeDuplicates: parseParam<boolean>(filterShape.includeDuplicates, get("includeDuplicates"), false),
    synonyms: parseParam<boolean>(filterShape.synonyms, get("synonyms"), true),
    subcorpus: parseParam<string | null>(filterShape.subcorpus, get("subcorpus"), null),
  };
}

/** The API's filter parameters (same names as core/api/schema.ts `filterShape`). */
export function filtersToApi(f: FacetFilters, prefix = ""): Record<string, string | number | readonly string[] | undefined> {
  return {
    [`${prefix}subcorpus`]: f.subcorpus ?? undefined,
    [`${prefix}sector`]: f.sector.length ? f.sector : undefined,
    [`${prefix}yearFrom`]: f.yearFrom ?? undefined,
    [`${prefix}yearTo`]: f.yearTo ?? undefined,
    [`${prefix}docType`]: f.docType.length ? f.docType : undefined,
    [`${prefix}level`]: f.level.length ? f.level : undefined,
    [`${prefix}includeDuplicates`]: f.includeDuplicates ? "true" : undefined,
    [`${prefix}synonyms`]: f.synonyms ? undefined : "false",
  };
}
