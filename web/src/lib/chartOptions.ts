// ECharts option builders (plain objects; no ECharts import, so they cost nothing up front).
import type { EChartsCoreOption } from "echarts/core";

const ACCENT = "#2f5d8a";
const ACCENT_B = "#b5532e";

export function horizontalBars(labels: string[], values: number[], name: string): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: [...labels].reverse(), axisTick: { show: false } },
    series: [{ type: "bar", name, data: [...values].reverse(), itemStyle: { color: ACCENT }, barMaxWidth: 18 }],
  };
}

export function verticalBars(labels: string[], values: number[], name: string): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: labels, axisLabel: { interval: 0, rotate: labels.length > 8 ? 40 : 0 } },
    yAxis: { type: "value", name },
    series: [{ type: "bar", name, data: values, itemStyle: { color: ACCENT }, barMaxWidth: 40 }],
  };
}

export function trendLine(labels: string[], values: number[], name: string): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: labels, boundaryGap: false },
    yAxis: { type: "value", name },
    series: [{ type: "line", name, data: values, symbolSize: 6, itemStyle: { color: ACCENT }, areaStyle: { opacity: 0.08 } }],
  };
}

export function heatmap(xLabels: string[], yLabels: string[], cells: [number, number, number][], name: string): EChartsCoreOption {
  const max = Math.max(1, ...cells.map((c) => c[2]));
  return {
    tooltip: { position: "top" },
    grid: { left: 8, right: 16, top: 8, bottom: 80, containLabel: true },
    xAxis: { type: "category", data: xLabels, splitArea: { show: true } },
    yAxis: { type: "category", data: yLabels, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 4, itemHeight: 120, inRange: { color: ["#f4f7fb", "#9bb8d6", ACCENT, "#17324d"] } },
    series: [{ type: "heatmap", name, data: cells, label: { show: true, formatter: (p: { value: [number, number, number] }) => (p.value[2] ? p.value[2].toFixed(1) : "") } }],
  };
}

/** Log ratio per term: positive → A, negative → B. */
export function divergingBars(terms: string[], values: number[], labelA: string, labelB: string): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { data: [labelA, labelB], top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 28, containLabel: true },
    // under the axis, where a narrow chart does not cut it off
    xAxis: { type: "value", name: "log₂ ratio", nameLocation: "middle", nameGap: 26 },
    yAxis: { type: "category", data: [...terms].reverse(), axisTick: { show: false } },
    series: [
      { type: "bar", name: labelA, stack: "k", data: [...values].reverse().map((v) => (v > 0 ? v : null)), itemStyle: { color: ACCENT }, barMaxWidth: 14 },
      { type: "bar", name: labelB, stack: "k", data: [...values].reverse().map((v) => (v < 0 ? v : null)), itemStyle: { color: ACCENT_B }, barMaxWidth: 14 },
    ],
  };
}
