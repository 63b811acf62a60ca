// The facet a report falls into when results are broken down by sector, year, doc type or level,
// and the order groups are listed in (the enum order of core/model.ts; years ascending, unknown last).
import { DOC_TYPES, LEVELS, SECTORS } from "../../../core/model.ts";
import type { Report } from "../../../core/model.ts";

export type GroupBy = "sector" | "year" | "docType" | "level" | "report";

export function groupKey(report: Report, by: GroupBy): string {
  if (by === "year") return report.year === null ? "unknown" : String(report.year);
  if (by === "report") return report.id;
  return report[by];
}

const ORDER: Record<Exclude<GroupBy, "year">, readonly string[]> = { sector: SECTORS, docType: DOC_TYPES, level: LEVELS, report: [] };

export function compareGroupKeys(by: GroupBy): (a: string, b: string) => number {
  if (by === "year") {
    const rank = (k: string) => (k === "unknown" ? Infinity : Number(k));
    return (a, b) => rank(a) - rank(b);
  }
  const order = ORDER[by];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
