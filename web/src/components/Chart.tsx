// An ECharts chart, loaded lazily. Its box is sized before ECharts arrives so
// nothing jumps; PNG export uses getDataURL.
import { useEffect, useRef, useState } from "react";
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useLang } from "../app/lang.tsx";

const FONT = '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif';

export function Chart({
  option,
  height = 320,
  label,
  fileName,
  summary,
  onItemClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  fileName: string;
  /** what the chart shows in words (e.g. its categories), kept on the figure for tests and tools */
  summary?: string;
  /** a bar, point or cell was clicked: its index in the series' data (drill-down) */
  onItemClick?: (dataIndex: number, seriesIndex: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const { t } = useLang();
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import("./echarts-lib.ts").then(({ init }) => {
      if (disposed || !box.current) return;
      chart.current = init(box.current, null, { renderer: "canvas" });
      chart.current.on("click", (p) => {
        const e = p as { dataIndex?: number; seriesIndex?: number };
        if (e.dataIndex !== undefined) clickRef.current?.(e.dataIndex, e.seriesIndex ?? 0);
      });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption({ textStyle: { fontFamily: FONT }, animationDuration: 300, ...option }, true);
  }, [ready, option]);

  const png = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `${fileName}.png`;
    a.click();
  };

  return (
    <figure className={`chart${onItemClick ? " is-clickable" : ""}`} data-summary={summary}>
      <div ref={box} className="chart-canvas" style={{ height }} role="img" aria-label={label} data-ready={ready ? "true" : "false"} />
      <figcaption className="chart-tools">
        <span className="muted">{label}</span>
        <button type="button" className="linklike" onClick={png} disabled={!ready}>
          {t("downloadPng")}
        </button>
      </figcaption>
    </figure>
  );
}
