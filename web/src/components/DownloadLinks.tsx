// CSV export: the API's own format=csv (UTF-8 with BOM, opens in Excel).
import { apiUrl, type Params } from "../api/client.ts";
import { useLang } from "../app/lang.tsx";

export function DownloadLinks({ endpoint, params }: { endpoint: string; params: Params }) {
  const { t } = useLang();
  return (
    <span className="downloads">
      <a href={apiUrl(endpoint, { ...params, format: "csv" })} download={`wenyuan-${endpoint}.csv`}>
        {t("downloadCsv")}
      </a>
    </span>
  );
}
