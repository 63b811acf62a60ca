// ECharts option builders (plain objects; no ECharts import, so they cost nothing up front).
import type { EChartsCoreOption } from "echarts/core";
import { formatNumber } from "./numbers.ts";

const ACCENT = "#2f5d8a";
const ACCENT_B = "#b5532e";

export function horizontalBars(labels: string[], values: number[], name: string): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v, Number.isInteger(v) ? "count" : "per10k") } },
    yAxis: { type: "category", data: [...labels].reverse(), axisTick: { show: false } },
    series: [{ type: "bar", name, data: [...values].reverse(), itemStyle: { color: ACCENT }, barMaxWidth: 18 }],
  };
}

export function verticalBars(labels: string[], values: number[], name: string): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: labels, axisLabel: { interval: 0, rotate: labels.length > 8 ? 40 : 0 } },
    yAxis: { type: "value", name, axisLabel: { formatter: (v: number) => formatNumber(v, Number.isInteger(v) ? "count" : "per10k") } },
    series: [{ type: "bar", name, data: values, itemStyle: { color: ACCENT }, barMaxWidth: 40 }],
  };
}

export interface TrendPoint {
  year: number;
  value: number;
  /** reports the point rests on */
  n: number;
}

/**
 * A trend that says what it rests on: every year from the first to the last on the axis, a line
 * only between consecutive years that each have at least `minReports` reports (no line across a
 * year without reports or a sparse one), sparse years drawn as hollow points, and n above each point.
 */
export function trendPoints(points: readonly TrendPoint[], minReports: number, name: string, sparseName: string): EChartsCoreOption {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const first = sorted[0]?.year ?? 0;
  const last = sorted.at(-1)?.year ?? -1;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const at = new Map(sorted.map((p) => [p.year, p]));
  const solid = years.map((y) => {
    const p = at.get(y);
    return p && p.n >= minReports ? { value: p.value, n: p.n } : null;
  });
  const sparse = years.map((y) => {
    const p = at.get(y);
    return p && p.n < minReports ? { value: p.value, n: p.n } : null;
  });
  const label = { show: true, position: "top", formatter: (p: { data: { n: number } | null }) => (p.data ? `n=${p.data.n}` : ""), fontSize: 10, color: "#666" };
  return {
    tooltip: { trigger: "item", formatter: (p: { name: string; value: number; data: { n: number } }) => `${p.name}: ${p.value} (n=${p.data.n})` },
    legend: { data: [name, sparseName], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map(String), boundaryGap: false },
    yAxis: { type: "value" },
    series: [
      { type: "line", name, data: solid, connectNulls: false, symbol: "circle", symbolSize: 7, itemStyle: { color: ACCENT }, label },
      { type: "line", name: sparseName, data: sparse, connectNulls: false, lineStyle: { opacity: 0 }, symbol: "emptyCircle", symbolSize: 9, itemStyle: { color: ACCENT_B }, label },
    ],
  };
}

/** `labels: false` leaves the values to the tooltip and the table (a narrow screen has no room for them). */
export function heatmap(xLabels: string[], yLabels: string[], cells: [number, number, number][], name: string, labels = true): EChartsCoreOption {
  const max = Math.max(1, ...cells.map((c) => c[2]));
  return {
    tooltip: { position: "top" },
    grid: { left: 8, right: 16, top: 8, bottom: 80, containLabel: true },
    xAxis: { type: "category", data: xLabels, splitArea: { show: true } },
    yAxis: { type: "category", data: yLabels, splitArea: { show: true }, axisLabel: labels ? {} : { width: 110, overflow: "truncate" } },
    visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 4, itemHeight: 120, inRange: { color: ["#f4f7fb", "#9bb8d6", ACCENT, "#17324d"] } },
    series: [{ type: "heatmap", name, data: cells, label: { show: labels, formatter: (p: { value: [number, number, number] }) => (p.value[2] ? formatNumber(p.value[2], "per10k") : "") } }],
  };
}

/** A measure per term (log ratio, signed G²): positive → A, negative → B. */
export function divergingBars(terms: string[], values: number[], labelA: string, labelB: string, axisName = "log₂ ratio"): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { data: [labelA, labelB], top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 28, containLabel: true },
    // under the axis, where a narrow chart does not cut it off
    xAxis: { type: "value", name: axisName, nameLocation: "middle", nameGap: 26 },
    yAxis: { type: "category", data: [...terms].reverse(), axisTick: { show: false } },
    series: [
      { type: "bar", name: labelA, stack: "k", data: [...values].reverse().map((v) => (v > 0 ? v : null)), itemStyle: { color: ACCENT }, barMaxWidth: 14 },
      { type: "bar", name: labelB, stack: "k", data: [...values].reverse().map((v) => (v < 0 ? v : null)), itemStyle: { color: ACCENT_B }, barMaxWidth: 14 },
    ],
  };
}
