// The UI's one number formatter: every table cell and chart label says a figure of one kind the
// same way — counts as integers with grouping (17,600), each rate or statistic with grouping and
// its own fixed number of decimals (16,544.8 per million words beside 1.65 per 10k characters).

export type NumberKind = "count" | "per10k" | "perMillion" | "dp" | "statistic" | "g2" | "expected" | "score";

/** Decimals per kind: the precision the measure's meaning supports. */
export const DECIMALS: Record<NumberKind, number> = { count: 0, per10k: 2, perMillion: 1, dp: 2, statistic: 2, g2: 1, expected: 2, score: 2 };

const formats = new Map<NumberKind, Intl.NumberFormat>();

export function formatNumber(n: number | null | undefined, kind: NumberKind = "count"): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "";
  let f = formats.get(kind);
  if (!f) {
    // en-US: the same digits and grouping in 中文 and English (zh-CN groups by thousands too)
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: DECIMALS[kind], maximumFractionDigits: DECIMALS[kind], useGrouping: true });
    formats.set(kind, f);
  }
  return f.format(n);
}
