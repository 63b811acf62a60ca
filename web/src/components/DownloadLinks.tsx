// Exports of what a table, list or chart shows — in full, not the rows on screen: GET
// /api/export/{endpoint} walks every page and lifts row limits. CSV (UTF-8 with a BOM, opens in
// Excel; its provenance in "#" comment lines), JSON with its provenance, Parquet (typed columns,
// the provenance in its metadata), and the provenance sidecar
// alone (query, filters, corpus generation and fingerprint, time, rows) to keep beside a CSV. When
// the pointer or the keyboard reaches the links, the sidecar is asked once for the row count, so
// the links say how many rows the file will hold (never the rows on screen).
import { useEffect, useState } from "react";
import type { Exportable } from "../../../core/api/endpoints.ts";
import { ExportProvenanceSchema } from "../../../core/api/schema.ts";
import { apiUrl, request, type Params } from "../api/client.ts";
import { useLang } from "../app/lang.tsx";
import { Explain } from "./Explain.tsx";

export function DownloadLinks({ endpoint, params, label }: { endpoint: Exportable; params: Params; label?: string }) {
  const { t } = useLang();
  // every row: no paging, no row limit (the export lifts it anyway)
  const query = { ...params, page: undefined, perPage: undefined, limit: undefined };
  const url = (format: string) => apiUrl(`export/${endpoint}`, { ...query, format });
  const key = url("provenance");
  const [count, setCount] = useState<{ key: string; rows: number | null } | null>(null);
  useEffect(() => setCount(null), [key]);
  const ask = () => {
    if (count?.key === key) return;
    setCount({ key, rows: null });
    request(`export/${endpoint}`, { ...query, format: "provenance" }, ExportProvenanceSchema).then(
      (p) => setCount((c) => (c?.key === key ? { key, rows: p.rows } : c)),
      () => setCount((c) => (c?.key === key ? null : c)),
    );
  };
  const rows = count?.key === key ? count.rows : undefined;
  return (
    <span className="downloads" data-export={endpoint} onPointerEnter={ask} onFocus={ask}>
      {label && <span className="muted">{label}</span>}
      <a href={url("csv")} download data-format="csv" title={t("exportAllRows")}>
        {t("downloadCsv")}
      </a>
      <a href={url("json")} download data-format="json" title={t("exportAllRows")}>
        JSON
      </a>
      <a href={url("parquet")} download data-format="parquet" title={t("exportAllRows")}>
        Parquet
      </a>
      <a href={url("provenance")} download data-format="provenance" title={t("provenanceHint")}>
        {t("provenance")}
      </a>
      {rows !== undefined && (
        <span className="muted" data-export-rows={rows ?? ""}>
          {rows === null ? t("exportCounting") : t("exportRows", { n: rows })}
        </span>
      )}
      <Explain id="export" />
    </span>
  );
}
