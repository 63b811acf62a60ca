// The one filter: which reports a set of facet filters admits. Search compiles the same rule to
// Meilisearch (meili/filters.ts); substring search, every analytic and the disjunctive facet
// counts call `matches` itself.
import type { FacetName, Filters } from "./api/schema.ts";
import type { Report } from "./model.ts";

/** The facet filters that are set, in FACETS order. */
export function activeFacets(f: Filters): FacetName[] {
  const out: FacetName[] = [];
  if (f.sector?.length) out.push("sector");
  if (f.year !== undefined || f.yearFrom !== undefined || f.yearTo !== undefined) out.push("year");
  if (f.docType?.length) out.push("docType");
  if (f.level?.length) out.push("level");
  return out;
}

/** Does `r` pass facet `facet` of `f`? A year filter excludes reports whose year is unknown. */
export function passesFacet(r: Report, f: Filters, facet: FacetName): boolean {
  switch (facet) {
    case "sector":
      return !f.sector?.length || f.sector.includes(r.sector);
    case "docType":
      return !f.docType?.length || f.docType.includes(r.docType);
    case "level":
      return !f.level?.length || f.level.includes(r.level);
    case "year":
      if (f.year === undefined && f.yearFrom === undefined && f.yearTo === undefined) return true;
      if (r.year === null) return false;
      return (f.year === undefined || r.year === f.year) && (f.yearFrom === undefined || r.year >= f.yearFrom) && (f.yearTo === undefined || r.year <= f.yearTo);
  }
}

/** kind, near-duplicates and a named subcorpus (its resolved reports, `within`) are not facets: they narrow before anything is counted. */
export function inScope(r: Report, f: Pick<Filters, "kind" | "includeDuplicates" | "within">): boolean {
  return r.kind === (f.kind ?? "report") && (f.includeDuplicates === true || r.duplicateOf === null) && (f.within === undefined || f.within.ids.has(r.id));
}

/**
 * OR within a facet, AND across facets; `except` leaves one facet out (a disjunctive facet
 * count: how many reports each value of that facet would have with the other filters kept).
 * The query `q` is not a filter: core/corpus/select.ts applies it.
 */
export function matches(r: Report, f: Filters, except?: FacetName): boolean {
  if (!inScope(r, f)) return false;
  for (const facet of activeFacets(f)) if (facet !== except && !passesFacet(r, f, facet)) return false;
  return true;
}

/** The facet filters `r` fails (kind and duplicates aside). */
export function failedFacets(r: Report, f: Filters): FacetName[] {
  return activeFacets(f).filter((facet) => !passesFacet(r, f, facet));
}
