// The /corpus metadata table: filter by a title, source or id substring and by facet, order by
// title or newest added, correct one report's field (saved at once) or several selected reports'
// in one write, and the history of who changed what with an undo per entry.
import { useState } from "react";
import { Link } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { DOC_TYPES, LEVELS, SECTORS, type Correction, type CorrectionHistoryEntry, type ReportRow } from "../../../../core/api/schema.ts";
import { apiUrl } from "../../api/client.ts";
import { call, correctMany, correctReport, undoCorrection } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { useComposedInput } from "../../hooks/useComposedInput.ts";
import { formatTime } from "../../lib/dates.ts";

const PER_PAGE = 20;
type Sort = "title:asc" | "added:desc";
type BulkField = "sector" | "docType" | "level" | "year";

interface Filters {
  contains: string;
  sector: string;
  docType: string;
  level: string;
  year: string;
  sort: Sort;
}

/** One report's metadata as a row of selects: a change is saved at once (PUT …/metadata). */
function MetadataRow({ row, checked, onCheck, onSaved }: { row: ReportRow; checked: boolean; onCheck: (on: boolean) => void; onSaved: () => void }) {
  const { t, label } = useLang();
  const [state, setState] = useState<"idle" | "saving" | "saved" | string>("idle");
  const save = async (c: Correction) => {
    setState("saving");
    try {
      await correctReport(row.id, c);
      setState("saved");
      onSaved();
    } catch (e) {
      setState((e as Error).message);
    }
  };
  return (
    <tr data-report-id={row.id}>
      <td>
        <input type="checkbox" checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={t("corpusSelectRow", { title: row.title })} />
      </td>
      <td>
        <Link to={`/report/${encodeURIComponent(row.id)}`} title={t("corpusEvidenceHint")}>
          {row.title}
        </Link>
        <div className="muted">{row.source}</div>
      </td>
      <td>
        <select aria-label={t("facetSector")} value={row.sector} onChange={(e) => void save({ sector: e.target.value as ReportRow["sector"] })}>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {label("sector", s)}
            </option>
          ))}
        </select>
        <div className="muted">{t("sectorConfidence", { p: Math.round(row.sectorConfidence * 100) })}</div>
      </td>
      <td>
        <input
          key={row.year ?? ""}
          aria-label={t("facetYear")}
          type="number"
          min={1900}
          max={2100}
          defaultValue={row.year ?? ""}
          onBlur={(e) => {
            const v = e.target.value.trim();
            const year = v === "" ? null : Number(v);
            if (year !== row.year) void save({ year });
          }}
        />
      </td>
      <td>
        <select aria-label={t("facetDocType")} value={row.docType} onChange={(e) => void save({ docType: e.target.value as ReportRow["docType"] })}>
          {DOC_TYPES.map((d) => (
            <option key={d} value={d}>
              {label("docType", d)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={t("facetLevel")} value={row.level} onChange={(e) => void save({ level: e.target.value as ReportRow["level"] })}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {label("level", l)}
            </option>
          ))}
        </select>
      </td>
      <td className="save-state" aria-live="polite">
        {state === "saving" ? t("saving") : state === "saved" ? t("saved") : state === "idle" ? "" : <span className="error-text">{state}</span>}
      </td>
    </tr>
  );
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Partial<Filters>) => void }) {
  const { t, label } = useLang();
  const text = useComposedInput(filters.contains, (v) => onChange({ contains: v }));
  const facet = (name: "sector" | "docType" | "level", values: readonly string[], title: string) => (
    <label>
      {title}{" "}
      <select aria-label={title} data-filter={name} value={filters[name]} onChange={(e) => onChange({ [name]: e.target.value })}>
        <option value="">{t("corpusFilterAll")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(name, v as never)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="metadata-filters" role="search">
      <input type="search" className="metadata-contains" placeholder={t("corpusFilterText")} aria-label={t("corpusFilterText")} {...text.inputProps} />
      {facet("sector", SECTORS, t("facetSector"))}
      <label>
        {t("facetYear")}{" "}
        <input type="number" min={1900} max={2100} aria-label={t("facetYear")} data-filter="year" value={filters.year} onChange={(e) => onChange({ year: e.target.value })} style={{ width: "6em" }} />
      </label>
      {facet("docType", DOC_TYPES, t("facetDocType"))}
      {facet("level", LEVELS, t("facetLevel"))}
      <label>
        {t("corpusSortBy")}{" "}
        <select aria-label={t("corpusSortBy")} value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })}>
          <option value="title:asc">{t("corpusSortTitle")}</option>
          <option value="added:desc">{t("corpusSortAdded")}</option>
        </select>
      </label>
    </div>
  );
}

/** Sets one field on every selected report in one request (PUT /api/reports/metadata). */
function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t, label } = useLang();
  const [field, setField] = useState<BulkField>("sector");
  const [value, setValue] = useState<string>(SECTORS[0]);
  const [state, setState] = useState<string | null>(null);
  const values: readonly string[] = field === "sector" ? SECTORS : field === "docType" ? DOC_TYPES : field === "level" ? LEVELS : [];
  const apply = async () => {
    const set: Correction = field === "year" ? { year: value.trim() === "" ? null : Number(value) } : { [field]: value };
    setState(t("saving"));
    try {
      await correctMany({ ids, set });
      setState(t("corpusBulkDone", { n: ids.length }));
      onDone();
    } catch (e) {
      setState((e as Error).message);
    }
  };
  return (
    <div className="bulk-bar notice" data-testid="bulk-bar">
      <strong>{t("corpusSelected", { n: ids.length })}</strong>{" "}
      <select
        aria-label={t("corpusBulkField")}
        value={field}
        onChange={(e) => {
          const f = e.target.value as BulkField;
          setField(f);
          setValue(f === "sector" ? SECTORS[0] : f === "docType" ? DOC_TYPES[0] : f === "level" ? LEVELS[0] : "");
        }}
      >
        <option value="sector">{t("facetSector")}</option>
        <option value="year">{t("facetYear")}</option>
        <option value="docType">{t("facetDocType")}</option>
        <option value="level">{t("facetLevel")}</option>
      </select>{" "}
      {field === "year" ? (
        <input type="number" min={1900} max={2100} aria-label={t("corpusBulkValue")} value={value} onChange={(e) => setValue(e.target.value)} />
      ) : (
        <select aria-label={t("corpusBulkValue")} value={value} onChange={(e) => setValue(e.target.value)}>
          {values.map((v) => (
            <option key={v} value={v}>
              {label(field as "sector" | "docType" | "level", v as never)}
            </option>
          ))}
        </select>
      )}{" "}
      <button type="button" onClick={() => void apply()}>
        {t("corpusBulkApply", { n: ids.length })}
      </button>{" "}
      {state && <span aria-live="polite">{state}</span>}
    </div>
  );
}

const shown = (e: CorrectionHistoryEntry, v: CorrectionHistoryEntry["from"], corrected: boolean, label: ReturnType<typeof useLang>["label"], t: ReturnType<typeof useLang>["t"]) => {
  const text = v === null ? t("corpusHistoryNone") : e.field === "sector" || e.field === "docType" || e.field === "level" ? label(e.field, v as never) : String(v);
  return corrected ? text : `${text} ${t("corpusHistoryClassifier")}`;
};

/** Who changed what (GET /api/corrections/history), newest first, each entry with an undo. */
function History({ onUndone }: { onUndone: () => void }) {
  const { t, label, lang } = useLang();
  const history = useQuery({ queryKey: ["correction-history"], queryFn: ({ signal }) => call("correctionHistory", { limit: 50 }, signal) });
  const [error, setError] = useState<string | null>(null);
  const undo = async (seq: number) => {
    setError(null);
    try {
      await undoCorrection({ entry: seq });
      onUndone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const entries = history.data?.entries ?? [];
  const fieldName = { sector: t("facetSector"), year: t("facetYear"), docType: t("facetDocType"), level: t("facetLevel"), title: t("corpusReport") } as const;
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t("corpusHistoryTitle", { n: history.data?.total ?? 0 })}</h2>
      {error && <p className="error-text">{error}</p>}
      {entries.length ? (
        <div className="table-scroll">
          <table className="data-table correction-history">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("corpusHistoryWhen")}</th>
                <th scope="col">{t("corpusHistoryWho")}</th>
                <th scope="col">{t("corpusReport")}</th>
                <th scope="col">{t("corpusHistoryChange")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} data-seq={e.seq} data-action={e.action} data-report={e.report}>
                  <td className="num">{e.seq}</td>
                  <td>{formatTime(e.at, lang)}</td>
                  <td>{e.who}</td>
                  <td>
                    <Link to={`/report/${encodeURIComponent(e.report)}`}>{e.report}</Link>
                  </td>
                  <td>
                    <span className="muted">{t(`corpusHistory_${e.action}`, { n: e.undoes ?? 0 })}</span> {fieldName[e.field]}: {shown(e, e.from, e.fromCorrected, label, t)} → {shown(e, e.to, e.toCorrected, label, t)}
                    {e.reason && <div className="muted">{e.reason}</div>}
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void undo(e.seq)} aria-label={t("corpusUndoLabel", { n: e.seq })}>
                      {t("corpusUndo")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !history.isLoading && <p className="muted">{t("corpusHistoryEmpty")}</p>
      )}
    </section>
  );
}

export function MetadataTable() {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>({ contains: "", sector: "", docType: "", level: "", year: "", sort: "title:asc" });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const params = { page, perPage: PER_PAGE, sort: filters.sort, includeDuplicates: "true", contains: filters.contains.trim(), sector: filters.sector, docType: filters.docType, level: filters.level, year: filters.year };
  const reports = useQuery({ queryKey: ["corpus-reports", params], queryFn: ({ signal }) => call("reports", params, signal) });
  const change = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage(1);
  };
  const refresh = () => void queryClient.invalidateQueries();
  const rows = reports.data?.reports ?? [];
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const check = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <>
      <section className="panel" aria-labelledby="reports-title">
        <h2 id="reports-title">{t("corpusReportsTitle", { n: reports.data?.total ?? 0 })}</h2>
        <p className="muted">{t("corpusCorrectHint")}</p>
        <FilterBar filters={filters} onChange={change} />
        {selected.size > 0 && (
          <BulkBar
            ids={[...selected]}
            onDone={() => {
              setSelected(new Set());
              refresh();
            }}
          />
        )}
        <div className="table-scroll">
          <table className="data-table metadata">
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" checked={allChecked} onChange={(e) => check(rows.map((r) => r.id), e.target.checked)} aria-label={t("corpusSelectPage")} />
                </th>
                <th scope="col">{t("corpusReport")}</th>
                <th scope="col">{t("facetSector")}</th>
                <th scope="col">{t("facetYear")}</th>
                <th scope="col">{t("facetDocType")}</th>
                <th scope="col">{t("facetLevel")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <MetadataRow key={r.id} row={r} checked={selected.has(r.id)} onCheck={(on) => check([r.id], on)} onSaved={refresh} />
              ))}
            </tbody>
          </table>
        </div>
        {reports.data && !rows.length && <p className="muted">{t("noResults")}</p>}
        {reports.data && <Pagination page={page} total={reports.data.total} perPage={PER_PAGE} onPage={setPage} />}
        <p>
          <a href={apiUrl("corrections")}>{t("corpusCorrectionsExport")}</a>
        </p>
      </section>
      <History onUndone={refresh} />
    </>
  );
}
