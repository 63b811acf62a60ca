// The writing page's whole-draft check (POST /api/draft-check): paste or upload a draft, choose its
// sector and type; see its outline beside the parts reports of that kind usually have (the missing
// ones with examples that open at their place), each paragraph's closest corpus sentences and the
// 提法 worth a second look. The draft stays in this component's state: not in the URL, not stored.
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { checkDraft } from "../../api/endpoints.ts";
import { ApiError } from "../../api/client.ts";
import { DRAFT_MAX_CHARS, type DraftCheckResponse } from "../../../../core/api/schema.ts";
import type { DocType, Sector } from "../../../../core/model.ts";
import { SECTORS } from "../../../../core/model.ts";
import { useLang } from "../../app/lang.tsx";
import type { MessageKey } from "../../app/i18n.ts";
import { Explain } from "../../components/Explain.tsx";
import { SimilarList } from "../../components/SimilarList.tsx";
import { reportHref } from "../../state/report.ts";

const TYPES: DocType[] = ["summary", "report", "plan"];
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A .txt file as text: UTF-8, else GB18030 (what Chinese Windows writes). */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function DraftCheck() {
  const { t, label } = useLang();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [sector, setSector] = useState<Sector>("hospital");
  const [docType, setDocType] = useState<DocType>("summary");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [result, setResult] = useState<DraftCheckResponse | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      setResult(await checkDraft({ text, sector, docType }));
    } catch (err) {
      setResult(null);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      setText((await readText(file)).slice(0, DRAFT_MAX_CHARS));
    } catch {
      setError(t("dcFileError", { name: file.name }));
    }
  };

  return (
    <section className="panel draft-check" aria-labelledby={`${id}-h`}>
      <div className="panel-head">
        <h2 id={`${id}-h`}>
          {t("dcTitle")} <Explain id="draftcheck" />
        </h2>
        <button type="button" className="dc-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t("dcClose") : t("dcOpen")}
        </button>
      </div>
      <p className="muted">{t("dcHint")}</p>
      {open && (
        <form className="write-form dc-form" onSubmit={(e) => void submit(e)}>
          <p className="dc-privacy">{t("dcPrivacy")}</p>
          <label htmlFor={`${id}-text`}>{t("dcPaste")}</label>
          <textarea id={`${id}-text`} name="draft" rows={12} maxLength={DRAFT_MAX_CHARS} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="write-filters">
            <label>
              {t("dcUpload")} <input type="file" accept=".txt,text/plain" onChange={(e) => void upload(e.target.files?.[0])} />
            </label>{" "}
            <label>
              {t("sector")}{" "}
              <select name="dc-sector" value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {label("sector", s)}
                  </option>
                ))}
              </select>
            </label>{" "}
            <label>
              {t("docType")}{" "}
              <select name="dc-docType" value={docType} onChange={(e) => setDocType(e.target.value as DocType)}>
                {TYPES.map((d) => (
                  <option key={d} value={d}>
                    {label("docType", d)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <button type="submit" disabled={busy || !text.trim()}>
            {busy ? t("dcChecking") : t("dcCheck")}
          </button>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {open && result && <DraftResult r={result} />}
    </section>
  );
}

function DraftResult({ r }: { r: DraftCheckResponse }) {
  const { t, label } = useLang();
  const kindName = (k: string) => t(`kind_${k}` as MessageKey);
  const b = r.basis;
  const scope = `${b.sector ? label("sector", b.sector) : t("dcAllSectors")} · ${b.docTypes.length ? b.docTypes.map((d) => label("docType", d)).join(t("dcAnd")) : t("dcAllTypes")}`;
  const missing = r.kinds.filter((k) => k.missing);
  return (
    <div className="dc-result" aria-live="polite">
      <div className="dc-outlines">
        <section className="dc-col" aria-labelledby="dc-own-h">
          <h3 id="dc-own-h">{t("dcOutline")}</h3>
          {r.outline.length === 0 ? (
            <p className="muted">{t("dcNoHeadings")}</p>
          ) : (
            <ul className="dc-outline">
              {r.outline.map((h) => (
                <li key={h.start} className={`lvl-${h.level}`}>
                  {h.title} {h.kind && <span className="chip">{kindName(h.kind)}</span>}
                </li>
              ))}
            </ul>
          )}
          {r.parts.some((p) => p.via === "paragraph") && (
            <p className="muted">
              {t("dcInParagraphs")}: {r.parts.filter((p) => p.via === "paragraph").map((p) => kindName(p.kind)).join("、")}
            </p>
          )}
        </section>
        <section className="dc-col" aria-labelledby="dc-usual-h">
          <h3 id="dc-usual-h">{t("dcUsual")}</h3>
          <p className="muted dc-basis">
            {t("dcBasis", { scope, n: b.reports })}
            {b.widened && t("dcWidened", { sector: label("sector", r.sector), docType: label("docType", r.docType), min: b.min })}
          </p>
          <table className="dc-kinds">
            <thead>
              <tr>
                <th>{t("dcKind")}</th>
                <th>{t("dcShare")}</th>
                <th>{t("dcDraft")}</th>
              </tr>
            </thead>
            <tbody>
              {r.kinds.map((k) => (
                <tr key={k.kind} data-kind={k.kind} data-missing={k.missing} className={k.missing ? "dc-missing" : undefined}>
                  <td>{kindName(k.kind)}</td>
                  <td>
                    <span className="dc-bar" style={{ width: `${Math.round(k.share * 60)}px` }} /> {k.reports}/{b.reports} ({pct(k.share)})
                  </td>
                  <td>{k.inDraft ? t("dcHas") : k.missing ? <strong>{t("dcMissing")}</strong> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="dc-missing-list" aria-labelledby="dc-miss-h">
        <h3 id="dc-miss-h">{t("dcMissingList", { pct: pct(r.threshold) })}</h3>
        {missing.length === 0 && <p className="muted">{t("dcNoneMissing")}</p>}
        {missing.map((k) => (
          <div key={k.kind} className="dc-missing-kind" data-kind={k.kind}>
            <h4>
              {kindName(k.kind)} <span className="muted">{t("dcHaveIt", { n: k.reports, total: b.reports })}</span>
            </h4>
            <ul>
              {k.examples.map((e) => (
                <li key={`${e.reportId}:${e.start}`}>
                  <q>{e.text}</q>{" "}
                  <span className="muted">
                    — <Link to={reportHref(e.reportId, { at: e.start, end: e.end })}>{e.title}</Link> · {label("sector", e.sector)} · {label("docType", e.docType)}
                    {e.year ? ` · ${e.year}` : ""}
                    {e.via === "paragraph" ? ` ${t("dcViaParagraph")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="dc-para-h">
        <h3 id="dc-para-h">{t("dcParagraphs")}</h3>
        <p className="muted">{t("dcParagraphsScope", { scope: r.similarScope.sector ? label("sector", r.similarScope.sector) : t("dcAllSectors"), n: r.similarScope.reports })}</p>
        {r.paragraphs.map((p) => (
          <div key={p.start} className="dc-paragraph" data-paragraph={p.n}>
            <h4>
              {t("dcParagraphN", { n: p.n })}: <q>{p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}</q>
            </h4>
            {p.rows.length ? <SimilarList rows={p.rows} extra={(row) => ` · ${t("score")} ${row.score.toFixed(2)}`} /> : <p className="muted">{t("noResults")}</p>}
          </div>
        ))}
      </section>
      <section aria-labelledby="dc-form-h">
        <h3 id="dc-form-h">{t("dcFormulations")}</h3>
        <p className="muted">{t("dcFormulationsNote", { reports: r.corpus.reports, chars: r.corpus.chars })}</p>
        {!r.corpus.yearsCompared && <p className="muted">{t("dcNoYears", { n: r.corpus.withYear, min: r.corpus.periodMin })}</p>}
        {r.formulations.length === 0 ? (
          <p className="muted">{t("dcNoFormulations")}</p>
        ) : (
          <div className="table-scroll">
            <table className="dc-formulations">
              <thead>
                <tr>
                  <th>{t("dcTerm")}</th>
                  <th>{t("dcWhy")}</th>
                  <th>{t("dcInCorpus")}</th>
                  <th>{t("dcAlternative")}</th>
                  <th>{t("dcYears")}</th>
                </tr>
              </thead>
              <tbody>
                {r.formulations.map((f) => (
                  <tr key={`${f.reason}:${f.term}`} data-term={f.term} data-reason={f.reason}>
                    <td>{f.term}</td>
                    <td>{t(`dcReason_${f.reason}` as MessageKey)}</td>
                    <td>{t("dcUse", { count: f.use.count, reports: f.use.reports })}</td>
                    <td>{f.alternative ? `${f.alternative.term}：${t("dcUse", { count: f.alternative.count, reports: f.alternative.reports })}` : "—"}</td>
                    <td>{f.early && f.late ? `${t("dcPeriod", { from: f.early.from, to: f.early.to, rate: f.early.per10k.toFixed(1) })} → ${t("dcPeriod", { from: f.late.from, to: f.late.to, rate: f.late.per10k.toFixed(1) })}` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
