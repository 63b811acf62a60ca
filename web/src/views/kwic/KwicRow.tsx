// One concordance line: its sort words coloured (L2 L1 | R1 R2, as AntConc colours them), a
// checkbox to keep it for export, a button that expands the context in place, and the report's
// dispersion strip (every hit of the term in that report).
import { useLayoutEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { KwicResponse } from "../../../../core/api/schema.ts";
import { getReport } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { Chips } from "../../components/Chips.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { shortTitle } from "../../lib/title.ts";

type Line = KwicResponse["lines"][number];
type Slot = "L2" | "L1" | "R1" | "R2";

/** A context string with its sort words wrapped in <span class="kwic-w kwic-L1"> … */
function Context({ text, marks }: { text: string; marks: [Slot, [number, number] | undefined][] }) {
  const ranges = marks.filter((m): m is [Slot, [number, number]] => Boolean(m[1])).sort((a, b) => a[1][0] - b[1][0]);
  const out: (string | React.JSX.Element)[] = [];
  let at = 0;
  for (const [slot, [s, e]] of ranges) {
    if (s < at) continue;
    out.push(text.slice(at, s));
    out.push(
      <span key={slot} className={`kwic-w kwic-${slot}`} data-slot={slot}>
        {text.slice(s, e)}
      </span>,
    );
    at = e;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

let measurer: CanvasRenderingContext2D | null = null;

/**
 * The left context, right-aligned against the keyword: when it is wider than its cell, the
 * characters nearest the keyword are kept whole and an ellipsis stands for the rest (clipping
 * the box instead would cut the first visible character in half).
 */
function LeftContext({ text, marks }: { text: string; marks: [Slot, [number, number] | undefined][] }) {
  const box = useRef<HTMLDivElement>(null);
  const [from, setFrom] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => {
      measurer ??= document.createElement("canvas").getContext("2d");
      if (!measurer) return;
      const style = getComputedStyle(el);
      measurer.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - 2;
      const wide = (s: string) => measurer!.measureText(s).width;
      if (wide(text) <= room) return setFrom(0);
      // where each character starts (a surrogate pair is one character): the cut falls between them
      const starts: number[] = [];
      let at = 0;
      for (const ch of text) {
        starts.push(at);
        at += ch.length;
      }
      let lo = 1;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (wide("…" + text.slice(starts[mid])) <= room) hi = mid;
        else lo = mid + 1;
      }
      setFrom(lo < starts.length ? starts[lo] : text.length);
    };
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => watch.disconnect();
  }, [text]);
  const shifted = marks.map(([slot, r]): [Slot, [number, number] | undefined] => [slot, r && r[1] > from ? [Math.max(r[0], from) - from, r[1] - from] : undefined]);
  return (
    <div ref={box} data-cut={from || undefined}>
      <span>
        {from > 0 && "…"}
        <Context text={text.slice(from)} marks={shifted} />
      </span>
    </div>
  );
}

function Dispersion({ positions, label }: { positions: number[]; label: string }) {
  return (
    <svg className="kwic-dispersion" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <rect x="0" y="0" width="100" height="8" className="kwic-dispersion-bg" />
      {positions.map((p, i) => (
        <rect key={i} x={Math.min(99.4, p * 100)} y="0" width="0.6" height="8" className="kwic-dispersion-tick" />
      ))}
    </svg>
  );
}

/** The line's context widened in place: 300 characters each side, from the report's text. */
export function Expanded({ line, colSpan }: { line: Line; colSpan: number }) {
  const { t } = useLang();
  const r = useApi("report", { id: line.reportId }, (_p, s) => getReport(line.reportId, {}, s));
  const text = r.data?.text;
  const end = line.offset + line.match.length;
  return (
    <tr className="kwic-expanded">
      <td colSpan={colSpan}>
        {text ? (
          <p>
            {line.offset > 300 && "…"}
            {text.slice(Math.max(0, line.offset - 300), line.offset)}
            <mark>{text.slice(line.offset, end)}</mark>
            {text.slice(end, end + 300)}
            {end + 300 < text.length && "…"}
          </p>
        ) : (
          <p className="muted">{r.error ? String(r.error) : t("loading")}</p>
        )}
      </td>
    </tr>
  );
}

export function KwicRow({
  line,
  href,
  sort,
  selected,
  onSelect,
  expanded,
  onExpand,
  dispersion,
  category,
  focused,
}: {
  line: Line;
  href: string;
  sort: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
  expanded: boolean;
  onExpand: () => void;
  dispersion: number[] | undefined;
  /** a coded concordance: the line's category cell (useCoding.ts); absent: no category column */
  category?: React.ReactNode;
  /** the line the coding keys act on */
  focused?: boolean;
}) {
  const { t } = useLang();
  const navigate = useNavigate();
  const c = line.context ?? {};
  const go = (e: React.MouseEvent) => !(e.target as HTMLElement).closest("a, button, input, select") && navigate(href);
  const rowClass = [selected ? "is-selected" : "", focused ? "is-focused" : ""].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <tr onClick={go} data-sector={line.sector} data-report-id={line.reportId} data-sort={sort} className={rowClass} data-focused={focused ? "true" : undefined} aria-current={focused ? "true" : undefined}>
        <td className="kwic-tools">
          <input type="checkbox" checked={selected} aria-label={t("kwicSelectLine")} onChange={(e) => onSelect(e.target.checked)} />
          <button type="button" className="kwic-expand" aria-expanded={expanded} title={expanded ? t("kwicCollapse") : t("kwicExpand")} aria-label={expanded ? t("kwicCollapse") : t("kwicExpand")} onClick={onExpand}>
            {expanded ? "−" : "+"}
          </button>
        </td>
        {category !== undefined && <td className="kwic-cat">{category}</td>}
        <td className="kwic-left">
          <LeftContext
            text={line.left}
            marks={[
              ["L2", c.L2],
              ["L1", c.L1],
            ]}
          />
        </td>
        <td className="kwic-match">
          <a href={href} onClick={(e) => (e.preventDefault(), navigate(href))}>
            {line.match}
          </a>
        </td>
        <td className="kwic-right">
          <div>
            <Context
              text={line.right}
              marks={[
                ["R1", c.R1],
                ["R2", c.R2],
              ]}
            />
          </div>
        </td>
        <td className="kwic-src" title={line.title}>
          <Chips sector={line.sector} year={line.year} docType={line.docType} />
          <div className="kwic-title">{shortTitle(line.title)}</div>
          {dispersion && <Dispersion positions={dispersion} label={t("kwicDispersion", { n: dispersion.length })} />}
        </td>
      </tr>
      {/* at phone width the source column is hidden: the source goes under the line instead */}
      <tr className={`kwic-src-line${selected ? " is-selected" : ""}`} onClick={go} title={line.title}>
        <td colSpan={category !== undefined ? 6 : 5}>
          <Chips sector={line.sector} year={line.year} docType={line.docType} /> <span className="kwic-title">{shortTitle(line.title)}</span>
        </td>
      </tr>
    </>
  );
}
