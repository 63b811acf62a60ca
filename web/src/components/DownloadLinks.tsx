// Exports of what a table, list or chart shows — in full, not the rows on screen: GET
// /api/export/{endpoint} walks every page and raises row limits. CSV (UTF-8 with a BOM, opens in
// Excel), JSON with its provenance, and the provenance sidecar alone (query, filters, corpus
// generation and fingerprint, time) to keep beside a CSV.
import type { Exportable } from "../../../core/api/endpoints.ts";
import { apiUrl, type Params } from "../api/client.ts";
import { useLang } from "../app/lang.tsx";
import { Explain } from "./Explain.tsx";

export function DownloadLinks({ endpoint, params, label }: { endpoint: Exportable; params: Params; label?: string }) {
  const { t } = useLang();
  const url = (format: string) => apiUrl(`export/${endpoint}`, { ...params, format, page: undefined, perPage: undefined });
  return (
    <span className="downloads" data-export={endpoint}>
      {label && <span className="muted">{label}</span>}
      <a href={url("csv")} download data-format="csv">
        {t("downloadCsv")}
      </a>
      <a href={url("json")} download data-format="json">
        JSON
      </a>
      <a href={url("provenance")} download data-format="provenance" title={t("provenanceHint")}>
        {t("provenance")}
      </a>
      <Explain id="export" />
    </span>
  );
}
