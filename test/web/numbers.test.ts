// Issue 28: one number formatter for the UI — counts as integers with grouping, each rate with
// grouping and its kind's fixed decimals — and the tables and chart labels use it (17,600 was
// shown beside 16544.8).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../web/src/lib/numbers.ts";
import { fmt } from "../../web/src/views/analytics/shared.ts";
import { ROOT } from "../helpers/app.ts";

describe("formatNumber", () => {
  it("counts: integers with grouping", () => {
    expect(formatNumber(17600)).toBe("17,600");
    expect(formatNumber(0)).toBe("0");
    expect(fmt(1234567)).toBe("1,234,567");
  });

  it("rates: grouping and a fixed number of decimals per kind, whole or not", () => {
    expect(formatNumber(16544.8, "perMillion")).toBe("16,544.8");
    expect(formatNumber(17600, "perMillion")).toBe("17,600.0");
    expect(formatNumber(1.6, "per10k")).toBe("1.60");
    expect(formatNumber(12345.678, "per10k")).toBe("12,345.68");
    expect(formatNumber(-3.14159, "statistic")).toBe("-3.14");
    expect(formatNumber(2500.25, "g2")).toBe("2,500.3");
    expect(fmt(0.5, "dp")).toBe("0.50");
  });

  it("nothing for a missing value", () => {
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(Number.NaN, "per10k")).toBe("");
  });

  it("the analytics tables, compare and the chart labels format no number of their own", () => {
    const files = ["views/analytics/WordsTab.tsx", "views/analytics/BreakdownTab.tsx", "views/analytics/NgramsTab.tsx", "views/analytics/CollocatesPanel.tsx", "views/analytics/ThemesTab.tsx", "views/CompareView.tsx", "lib/chartOptions.ts", "views/analytics/shared.ts"];
    for (const f of files) {
      const text = readFileSync(join(ROOT, "web", "src", f), "utf8");
      // rounding a chart's data value (Number(x.toFixed(2))) is not formatting it for display
      const own = [...text.replace(/Number\([\w.[\]]+\.toFixed\(\d\)\)/g, "").matchAll(/[\w.[\]]+\.(toFixed|toLocaleString)\(/g)].map((m) => m[0]);
      expect(own, f).toEqual([]);
    }
  });
});
