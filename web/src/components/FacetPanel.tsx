// Facet controls shared by every view: the named subcorpus, sector / document type / level
// checkboxes with disjunctive counts, a year range, and the duplicates switch. On narrow
// screens the panel collapses behind a toggle above the results.
import { useId, useState, type ReactNode } from "react";
import { DOC_TYPES, LEVELS, SECTORS } from "../../../core/api/schema.ts";
import type { SearchResponse } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { emptyFilters, isEmptyFilters, type FacetFilters } from "../state/filters.ts";
import type { LabelKind } from "../app/i18n.ts";
import { useCorpusYears } from "../hooks/useFacetCounts.ts";
import { SubcorpusPicker } from "./SubcorpusPicker.tsx";
import { useSubcorpora } from "../hooks/useSubcorpora.ts";

type Counts = SearchResponse["facets"] | undefined;

function activeCount(f: FacetFilters): number {
  return (f.subcorpus !== null ? 1 : 0) + f.sector.length + f.docType.length + f.level.length + (f.yearFrom !== null ? 1 : 0) + (f.yearTo !== null ? 1 : 0) + (f.includeDuplicates ? 1 : 0);
}

function CheckGroup<T extends string>({
  legend,
  kind,
  all,
  selected,
  counts,
  onChange,
  hideEmpty,
}: {
  legend: string;
  kind: LabelKind;
  all: readonly T[];
  selected: readonly T[];
  counts: Record<string, number> | undefined;
  onChange: (next: T[]) => void;
  hideEmpty?: boolean;
}) {
  const { label } = useLang();
  const id = useId();
  // which values are empty is only known once the counts arrive; until then show just the selected ones,
  // so the group grows a little on load instead of shrinking a lot
  const shown = hideEmpty ? all.filter((v) => (counts?.[v] ?? 0) > 0 || selected.includes(v)) : all;
  if (shown.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {shown.map((v) => {
        const n = counts?.[v];
        const checked = selected.includes(v);
        return (
          <label key={v} className={`facet-row${counts && !n && !checked ? " is-zero" : ""}`} htmlFor={`${id}-${v}`}>
            <input
              id={`${id}-${v}`}
              type="checkbox"
              name={kind}
              value={v}
              data-facet={kind}
              checked={checked}
              onChange={(e) => onChange(e.target.checked ? [...selected, v] : selected.filter((x) => x !== v))}
            />
            <span className="facet-label">{label(kind, v)}</span>
            {counts && <span className="facet-count">{n ?? 0}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

/** The years the selection's reports have; with none (an empty result, or counts still loading), the corpus's years. */
function yearOptions(counts: Counts, f: FacetFilters, corpusYears: readonly string[]): number[] {
  const years = new Set<number>();
  const keys = Object.keys(counts?.year ?? {});
  for (const k of keys.length ? keys : corpusYears) if (/^\d{4}$/.test(k)) years.add(Number(k));
  if (f.yearFrom !== null) years.add(f.yearFrom);
  if (f.yearTo !== null) years.add(f.yearTo);
  return [...years].sort((a, b) => b - a);
}

function YearSelect({ id, label, value, years, onChange }: { id: string; label: string; value: number | null; years: number[]; onChange: (year: number | null) => void }) {
  const { t } = useLang();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">{t("anyYear")}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </>
  );
}

export function FacetPanel({
  filters,
  counts,
  onChange,
  title,
  countsNote,
  children,
}: {
  filters: FacetFilters;
  counts?: Counts;
  onChange: (f: FacetFilters) => void;
  title?: string;
  /** what the counts count, when it is not reports */
  countsNote?: string;
  children?: ReactNode;
}) {
  const { t } = useLang();
  const id = useId();
  const [open, setOpen] = useState(false);
  const years = yearOptions(counts, filters, useCorpusYears());
  const set = (patch: Partial<FacetFilters>) => onChange({ ...filters, ...patch });
  const n = activeCount(filters);
  // collapsed on a phone, the panel still says which subcorpus the view counts over
  const subcorpus = useSubcorpora().data?.subcorpora.find((s) => s.id === filters.subcorpus);
  return (
    <section className={`facet-panel${open ? " is-open" : ""}`} aria-label={title ?? t("filters")}>
      {title && <h2 className="facet-title">{title}</h2>}
      <button type="button" className="facet-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
        {open ? t("hideFilters") : t("showFilters")}
        {n > 0 && <span className="badge">{n}</span>}
        {subcorpus && <span className="chip subcorpus-chip">{subcorpus.name}</span>}
      </button>
      <div className="facet-body" id={`${id}-body`}>
        <SubcorpusPicker value={filters.subcorpus} onChange={(subcorpus) => set({ subcorpus })} />
        {children}
        {countsNote && <p className="muted facet-counts-note">{countsNote}</p>}
        <CheckGroup legend={t("facetSector")} kind="sector" all={SECTORS} selected={filters.sector} counts={counts?.sector} onChange={(sector) => set({ sector })} />
        <fieldset className="facet facet-years">
          <legend>{t("facetYear")}</legend>
          <YearSelect id={`${id}-from`} label={t("yearFrom")} value={filters.yearFrom} years={years} onChange={(yearFrom) => set({ yearFrom })} />
          <YearSelect id={`${id}-to`} label={t("yearTo")} value={filters.yearTo} years={years} onChange={(yearTo) => set({ yearTo })} />
        </fieldset>
        <CheckGroup legend={t("facetDocType")} kind="docType" all={DOC_TYPES} selected={filters.docType} counts={counts?.docType} onChange={(docType) => set({ docType })} />
        <CheckGroup legend={t("facetLevel")} kind="level" all={LEVELS} selected={filters.level} counts={counts?.level} onChange={(level) => set({ level })} hideEmpty />
        <label className="facet-row facet-dups">
          <input type="checkbox" checked={filters.includeDuplicates} onChange={(e) => set({ includeDuplicates: e.target.checked })} />
          <span className="facet-label">{t("includeDuplicates")}</span>
        </label>
        {!isEmptyFilters(filters) && (
          <button type="button" className="linklike clear-filters" onClick={() => onChange(emptyFilters())}>
            {t("clearFilters")}
          </button>
        )}
      </div>
    </section>
  );
}
