// Metadata chips for a hit, a KWIC line or a report.
import { useLang } from "../app/lang.tsx";

export function SectorChip({ sector }: { sector: string }) {
  const { label } = useLang();
  return <span className={`chip chip-sector sector-${sector}`}>{label("sector", sector)}</span>;
}

export function Chips({ sector, year, docType, level, kind, extra }: { sector?: string; year?: number | null; docType?: string; level?: string; kind?: string; extra?: string | null }) {
  const { label, t } = useLang();
  return (
    <span className="chips">
      {sector && <SectorChip sector={sector} />}
      {year != null && <span className="chip">{year}</span>}
      {docType && <span className="chip">{label("docType", docType)}</span>}
      {level && <span className="chip">{label("level", level)}</span>}
      {kind === "excerpt" && <span className="chip chip-muted">{t("excerpt")}</span>}
      {extra && <span className="chip chip-muted chip-section">{extra}</span>}
    </span>
  );
}
