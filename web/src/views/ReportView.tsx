// `/report/:id` — the clean text with its outline, highlights, metadata,
// duplicates, themes and similar passages.
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { getReport, similar } from "../api/endpoints.ts";
import type { ReportDetail } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { Chips, SectorChip } from "../components/Chips.tsx";
import { ErrorBox } from "../components/ErrorBox.tsx";
import { Highlight } from "../components/Highlight.tsx";
import { SimilarList } from "../components/SimilarList.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { marksWithin } from "../lib/highlight.ts";
import * as reportUrl from "../state/report.ts";
import { reportHref, type ReportState } from "../state/report.ts";

/** Index of the paragraph containing `offset` (or the last one starting before it). */
function paragraphAt(paragraphs: ReportDetail["paragraphs"], offset: number): number {
  let found = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (paragraphs[i].start <= offset) found = i;
    else break;
  }
  return found;
}

function focusParagraph(start: number) {
  const el = document.querySelector<HTMLElement>(`[data-start="${start}"]`);
  if (!el) return;
  el.scrollIntoView({ block: "start" });
  el.focus({ preventScroll: true });
}

/** An example's sentence (`at` … `end`): scrolled to the middle of the screen, its paragraph focused. */
function focusSentence(paragraphStart: number) {
  const para = document.querySelector<HTMLElement>(`[data-start="${paragraphStart}"]`);
  const el = para?.querySelector<HTMLElement>(".sentence-target");
  if (!para || !el) return focusParagraph(paragraphStart);
  el.scrollIntoView({ block: "center" });
  para.focus({ preventScroll: true });
}

/** A paragraph's text with its marks, the part inside [from, to) (report offsets) wrapped as the target sentence. */
function ParagraphText({ text, start, marks, from, to }: { text: string; start: number; marks: ReportDetail["marks"]; from: number; to: number }) {
  const end = start + text.length;
  if (to <= start || from >= end) return <Highlight text={text} marks={marksWithin(marks, start, end)} />;
  const [a, b] = [Math.max(from, start), Math.min(to, end)];
  return (
    <>
      <Highlight text={text.slice(0, a - start)} marks={marksWithin(marks, start, a)} />
      <span className="sentence-target" data-sentence-start={a} data-sentence-end={b}>
        <Highlight text={text.slice(a - start, b - start)} marks={marksWithin(marks, a, b)} />
      </span>
      <Highlight text={text.slice(b - start)} marks={marksWithin(marks, b, end)} />
    </>
  );
}

function ReportLinks({ title, reports }: { title: string; reports: readonly { id: string; title: string; source: string }[] }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="plain">
        {reports.map((d) => (
          <li key={d.id}>
            <Link to={reportHref(d.id)}>{d.title}</Link> <span className="muted">{d.source}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Meta({ r }: { r: ReportDetail }) {
  const { t, label, lang } = useLang();
  return (
    <section className="report-meta" aria-labelledby="meta-h">
      <h2 id="meta-h">{t("metadata")}</h2>
      <dl>
        <dt>{t("sector")}</dt>
        <dd>
          <SectorChip sector={r.sector} /> <span className="muted">{t("confidence")} {Math.round(r.sectorConfidence * 100)}%</span>
          <meter min={0} max={1} value={r.sectorConfidence} aria-label={t("confidence")} />
        </dd>
        {r.sectorEvidence.length > 0 && (
          <>
            <dt>{t("evidence")}</dt>
            <dd className="evidence">
              {r.sectorEvidence.map((e) => (
                <span key={e} className="chip chip-muted">
                  {e}
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>{t("year")}</dt>
        <dd data-field="year">
          {r.year ?? t("yearUnknown")}
          {r.period && (
            <span className="muted">
              {" "}
              ({t("period")}: {r.period})
            </span>
          )}
        </dd>
        <dt>{t("docType")}</dt>
        <dd>{label("docType", r.docType)}</dd>
        <dt>{t("level")}</dt>
        <dd>{label("level", r.level)}</dd>
        <dt>{t("kind")}</dt>
        <dd>{label("kind", r.kind)}</dd>
        <dt>{t("chars")}</dt>
        <dd>{r.chars.toLocaleString()}</dd>
        <dt>{t("source")}</dt>
        <dd className="source">{/^https?:\/\//.test(r.source) ? <a href={r.source} rel="noreferrer noopener" target="_blank">{r.source}</a> : r.source}</dd>
      </dl>
      {r.canonical && <ReportLinks title={t("copyOf")} reports={[r.canonical]} />}
      {r.duplicates.length > 0 && <ReportLinks title={t("alsoPublishedAs")} reports={r.duplicates} />}
      {r.themes.length > 0 && (
        <>
          <h3>{t("themes")}</h3>
          <ul className="themes">
            {r.themes.map((th) => (
              <li key={th.id}>
                <span>{lang === "zh" ? th.name : th.nameEn}</span> <span className="facet-count">{th.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Similar({ text, reportId, from, to }: { text: string; reportId: string; from: number; to: number }) {
  const { t } = useLang();
  const res = useApi("similar", { text: text.slice(0, 500), limit: 8 }, similar, text.trim() !== "");
  return (
    <section className="similar" aria-labelledby="similar-h">
      <h2 id="similar-h">{t("similarPassages")}</h2>
      <p className="muted similar-for">
        {t("similarFor")} <q>{text.slice(0, 60)}{text.length > 60 ? "…" : ""}</q>
      </p>
      {res.error && <ErrorBox error={res.error} />}
      {res.data && <SimilarList rows={res.data.rows.filter((row) => !(row.reportId === reportId && row.start >= from && row.start < to))} />}
    </section>
  );
}

export default function ReportView() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const [state, setState] = useRouteState<ReportState>(reportUrl);
  const res = useApi(`report/${id}`, { highlight: state.q.trim() || undefined, match: state.match === "word" ? undefined : state.match }, (p, s) => getReport(id, p, s));
  const r = res.data && res.data.id === id ? res.data : undefined;
  const [similarStart, setSimilarStart] = useState<number | null>(null);
  const scrolled = useRef<string | null>(null);

  const headingAt = useMemo(() => {
    const m = new Map<number, number>();
    if (!r) return m;
    for (const s of r.sections) {
      const i = paragraphAt(r.paragraphs, s.start);
      const p = r.paragraphs[i];
      // a heading paragraph, not a body paragraph that merely opens with "1、…。"
      if (p && p.end - p.start <= s.title.length + 4) m.set(i, s.level);
    }
    return m;
  }, [r]);

  // Open at ?at= (or at the first highlight), once per report + offset.
  useEffect(() => {
    if (!r) return;
    const target = state.at ?? (r.marks.length ? r.marks[0][0] : null);
    const key = `${r.id}:${target}:${state.end}`;
    if (target === null || scrolled.current === key) return;
    scrolled.current = key;
    const start = r.paragraphs[paragraphAt(r.paragraphs, target)]?.start ?? 0;
    if (state.at !== null && state.end !== null) focusSentence(start);
    else focusParagraph(start);
  }, [r, state.at, state.end]);

  useEffect(() => {
    if (r) document.title = `${r.title} — 文渊 Wenyuan`;
    return () => {
      document.title = "文渊 Wenyuan";
    };
  }, [r]);

  if (res.error && !r) return <ErrorBox error={res.error} onRetry={() => void res.refetch()} />;
  if (!r) return <div className="view-loading">{t("loading")}</div>;

  const atIndex = state.at !== null ? paragraphAt(r.paragraphs, state.at) : -1;
  const firstBody = r.paragraphs.findIndex((p, i) => !headingAt.has(i) && p.end - p.start >= 20);
  const simPara = similarStart !== null ? r.paragraphs.find((p) => p.start === similarStart) : r.paragraphs[Math.max(0, firstBody)];
  const simText = simPara ? r.text.slice(simPara.start, simPara.end) : "";

  const jump = (start: number) => {
    // moving within the report is not a new page: one history entry per report opened
    setState({ at: start, end: null }, { replace: true });
    focusParagraph(r.paragraphs[paragraphAt(r.paragraphs, start)]?.start ?? start);
  };

  return (
    <div className="view view-report">
      <header className="report-head">
        <p className="crumbs">
          <Link to={state.from || (state.q ? `/?q=${encodeURIComponent(state.q)}` : "/")}>‹ {state.from.startsWith("/kwic") ? t("backToKwic") : t("backToResults")}</Link>
        </p>
        <h1>{r.title}</h1>
        {r.pageTitle && r.pageTitle !== r.title && <p className="muted page-title">{t("fromPage", { title: r.pageTitle })}</p>}
        <Chips sector={r.sector} year={r.year} docType={r.docType} level={r.level} kind={r.kind} />
        {state.q && (
          <p className="muted highlighting">
            {t("highlighting", { q: state.q })} ({r.marks.length}){" "}
            <button type="button" className="linklike" onClick={() => setState({ q: "" })}>
              {t("clearHighlight")}
            </button>
          </p>
        )}
      </header>
      <div className="report-layout">
        <nav className="outline" aria-labelledby="outline-h">
          <h2 id="outline-h">{t("outline")}</h2>
          {r.sections.length === 0 ? (
            <p className="muted">{t("noOutline")}</p>
          ) : (
            <ol>
              {r.sections.map((s) => (
                <li key={s.start} className={`outline-l${Math.min(s.level, 3)}`}>
                  <button type="button" className="linklike" data-section-start={s.start} onClick={() => jump(s.start)}>
                    {s.title}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </nav>
        <article className="report-text" lang="zh-CN" data-report-id={r.id}>
          {r.paragraphs.map((p, i) => {
            const text = r.text.slice(p.start, p.end);
            const level = headingAt.get(i);
            const cls = `para${i === atIndex ? " is-target" : ""}${p.start === simPara?.start ? " is-similar-source" : ""}${p.truncated ? " is-truncated" : ""}`;
            const body = <ParagraphText text={text} start={p.start} marks={r.marks} from={state.at ?? 0} to={state.end ?? 0} />;
            if (level !== undefined) {
              const H = level <= 1 ? "h2" : level === 2 ? "h3" : "h4";
              return (
                <H key={p.start} className={`${cls} heading heading-l${level}`} data-start={p.start} tabIndex={-1}>
                  {body}
                </H>
              );
            }
            return (
              <div key={p.start} className={cls} data-start={p.start} tabIndex={-1}>
                <p>{body}</p>
                <button type="button" className="para-similar linklike" aria-label={`${t("findSimilar")}: ${text.slice(0, 20)}`} onClick={() => setSimilarStart(p.start)}>
                  {t("findSimilar")}
                </button>
              </div>
            );
          })}
        </article>
        <aside className="report-side" lang={lang === "zh" ? "zh-CN" : "en"}>
          <Meta r={r} />
          <Similar text={simText} reportId={r.id} from={simPara?.start ?? 0} to={simPara?.end ?? 0} />
        </aside>
      </div>
    </div>
  );
}
