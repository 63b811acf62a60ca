// Turns validated filters into Meilisearch filter expressions: core/filter.ts `matches`, the
// same rule, compiled for Meilisearch. Values reach this
// point only after zod checked them against closed enums or integers; they are
// still quoted and escaped, so no value can change the expression's structure.
import type { FacetName, Filters } from "../api/schema.ts";

// The facets that are set: the same list the corpus-side filter (core/filter.ts) uses.
export { activeFacets } from "../filter.ts";

export function quote(value: string | number): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("non-finite filter value");
    return String(value);
  }
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function anyOf(field: string, values: readonly (string | number)[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  return `${field} IN [${values.map(quote).join(", ")}]`;
}

/**
 * A named subcorpus: its reports by id (a report document's `id`, a passage's `reportId`). No
 * reports at all is a clause nothing passes (Meilisearch has no literal false).
 */
function within(f: Filters): string | null {
  if (!f.within) return null;
  const ids = [...f.within.ids];
  if (!ids.length) return `id = ${quote("")}`;
  const list = ids.map(quote).join(", ");
  return `(id IN [${list}] OR reportId IN [${list}])`;
}

/** AND of clauses; `except` leaves one facet out (for disjunctive facet counts). */
export function meiliFilter(f: Filters, except?: FacetName): string[] {
  const clauses: (string | null)[] = [
    `kind = ${quote(f.kind ?? "report")}`,
    f.includeDuplicates ? null : "isDuplicate = false",
    within(f),
    except === "sector" ? null : anyOf("sector", f.sector),
    except === "docType" ? null : anyOf("docType", f.docType),
    except === "level" ? null : anyOf("level", f.level),
  ];
  if (except !== "year") {
    if (f.year !== undefined) clauses.push(`year = ${quote(f.year)}`);
    if (f.yearFrom !== undefined) clauses.push(`year >= ${quote(f.yearFrom)}`);
    if (f.yearTo !== undefined) clauses.push(`year <= ${quote(f.yearTo)}`);
  }
  return clauses.filter((c): c is string => c !== null);
}
