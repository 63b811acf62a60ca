// A subcorpus definition from a view's state, and a definition in words (the list page, the
// picker's note). Pure: the components call these.
import type { SubcorpusDefinition, SubcorpusFilters } from "../../../core/api/schema.ts";
import type { FacetFilters } from "../state/filters.ts";
import type { LabelKind, Translate } from "../app/i18n.ts";

/** A view's facet filters as a definition's filters (its `subcorpus` aside: a subcorpus is not made of another). */
export function definitionFilters(f: FacetFilters): SubcorpusFilters {
  return {
    ...(f.sector.length ? { sector: f.sector } : {}),
    ...(f.yearFrom !== null ? { yearFrom: f.yearFrom } : {}),
    ...(f.yearTo !== null ? { yearTo: f.yearTo } : {}),
    ...(f.docType.length ? { docType: f.docType } : {}),
    ...(f.level.length ? { level: f.level } : {}),
    ...(f.includeDuplicates ? { includeDuplicates: true } : {}),
    ...(f.synonyms ? {} : { synonyms: false }),
  };
}

type Label = (kind: LabelKind, value: string) => string;

function filtersText(f: SubcorpusFilters, q: string | undefined, t: Translate, label: Label): string {
  const years = f.year !== undefined ? String(f.year) : f.yearFrom !== undefined || f.yearTo !== undefined ? `${f.yearFrom ?? "…"}–${f.yearTo ?? "…"}` : "";
  const parts = [
    ...(q?.trim() ? [`“${q.trim()}”`] : []),
    ...(f.sector?.length ? [f.sector.map((s) => label("sector", s)).join(t("orSep"))] : []),
    ...(years ? [years] : []),
    ...(f.docType?.length ? [f.docType.map((s) => label("docType", s)).join(t("orSep"))] : []),
    ...(f.level?.length ? [f.level.map((s) => label("level", s)).join(t("orSep"))] : []),
    ...(f.includeDuplicates ? [t("includeDuplicates")] : []),
    ...(f.synonyms === false ? [t("defNoSynonyms")] : []),
  ];
  return parts.length ? parts.join(" · ") : t("defEverything");
}

export function definitionText(d: SubcorpusDefinition, t: Translate, label: Label): string {
  if (d.kind === "reports") return t("defReports", { n: new Set(d.ids).size });
  if (d.kind === "hits") return t("defHits", { term: d.term, rest: filtersText(d.filters, d.q, t, label) });
  return t("defFilters", { rest: filtersText(d.filters, d.q, t, label) });
}
