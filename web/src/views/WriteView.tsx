// `/write` — paste a draft sentence or paragraph: each sentence gets its closest corpus sentences
// (near-identical ones grouped, with how many reports use them) and its key terms, and a key term
// opens its frames (the verbs, nouns and modifiers other reports use with it, by sector).
import { useEffect, useId, useState } from "react";
import { similar } from "../api/endpoints.ts";
import type { Params } from "../api/client.ts";
import { DOC_TYPES, SECTORS } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { Empty, QueryError } from "../components/ErrorBox.tsx";
import { PhrasingPanel } from "../components/Phrasing.tsx";
import { Panel } from "../components/Panel.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { SketchDiff } from "../components/SketchDiff.tsx";
import { SimilarList } from "../components/SimilarList.tsx";
import { DraftCheck } from "./write/DraftCheck.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import * as writeUrl from "../state/write.ts";
import type { WriteState } from "../state/write.ts";

/** the page's filters as one side's (a.sector, a.docType …) */
const prefixed = (f: Params, p: string): Params => Object.fromEntries(Object.entries(f).map(([k, v]) => [`${p}${k}`, v]));

function CopyButton({ text }: { text: string }) {
  const { t } = useLang();
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const ta = document.createElement("textarea");
      ta.value = text;
      document.body.append(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" className="copy" onClick={() => void copy()} aria-live="polite">
      {done ? t("copied") : t("copy")}
    </button>
  );
}

/** One draft sentence: its closest corpus sentences and its key terms. */
function DraftSentence({ n, sentence, filters, term, onTerm }: { n: number; sentence: string; filters: Params; term: string; onTerm: (term: string) => void }) {
  const { t } = useLang();
  const res = useApi("similar", { ...filters, text: sentence, limit: 5 }, similar);
  return (
    <section className="draft-sentence" data-sentence={n} aria-busy={res.isFetching}>
      <h3>
        {t("writeSentenceN", { n })}: <q>{sentence}</q>
      </h3>
      <QueryError q={res} />
      {res.isLoading && <p className="muted">{t("loading")}</p>}
      {res.data && res.data.keyTerms.length > 0 && (
        <p className="key-terms">
          <span className="muted">{t("keyTerms")}:</span>{" "}
          {res.data.keyTerms.map((k) => (
            <button key={k} type="button" className="chip linklike" aria-pressed={term === k} data-term={k} onClick={() => onTerm(k)}>
              {k}
            </button>
          ))}
        </p>
      )}
      {res.data && res.data.rows.length === 0 && <Empty>{t("noResults")}</Empty>}
      {res.data && (
        <SimilarList
          rows={res.data.rows}
          extra={(row) => (
            <span className="nowrap">
              {" "}
              · {t("score")} {row.score.toFixed(2)}
              {row.reports > 1 && <> · {t("usedBy", { n: row.reports })}</>} <CopyButton text={row.text} />
            </span>
          )}
        />
      )}
    </section>
  );
}

export default function WriteView() {
  const { t, label } = useLang();
  const id = useId();
  const [state, setState] = useRouteState<WriteState>(writeUrl);
  const [draft, setDraft] = useState(state.text);
  // back/forward: show the draft the URL holds
  useEffect(() => setDraft(state.text), [state.text]);
  // one selection for every request on the page: the similar sentences and the frames beside them
  const filters: Params = { sector: state.sector || undefined, docType: state.docType || undefined, yearFrom: state.yearFrom || undefined };
  const scope = [state.sector ? label("sector", state.sector) : t("anySector"), state.docType ? label("docType", state.docType) : t("anyDocType"), ...(state.yearFrom ? [t("yearFromN", { year: state.yearFrom })] : [])].join(" · ");
  const sentences = writeUrl.draftSentences(state.text);
  return (
    <div className="view view-write">
      <section className="panel" aria-labelledby="draft-h">
        <h2 id="draft-h">{t("writeDraft")}</h2>
        <form
          className="write-form"
          onSubmit={(e) => {
            e.preventDefault();
            setState({ text: draft.trim() });
          }}
        >
          <label htmlFor={`${id}-draft`}>{t("writeDraftHint")}</label>
          <textarea id={`${id}-draft`} rows={5} maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="write-filters">
            <label>
              {t("sector")}{" "}
              <select value={state.sector} onChange={(e) => setState({ sector: e.target.value as WriteState["sector"] })}>
                <option value="">{t("anySector")}</option>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {label("sector", s)}
                  </option>
                ))}
              </select>
            </label>{" "}
            <label>
              {t("docType")}{" "}
              <select value={state.docType} onChange={(e) => setState({ docType: e.target.value as WriteState["docType"] })}>
                <option value="">{t("anyDocType")}</option>
                {DOC_TYPES.map((d) => (
                  <option key={d} value={d}>
                    {label("docType", d)}
                  </option>
                ))}
              </select>
            </label>{" "}
            <label>
              {t("yearFromLabel")}{" "}
              <input type="number" min={1990} max={2100} value={state.yearFrom || ""} onChange={(e) => setState({ yearFrom: Number(e.target.value) || 0 })} />
            </label>
          </div>
          <button type="submit" disabled={!draft.trim()}>
            {t("writeFind")}
          </button>
        </form>
      </section>
      {sentences.length > 0 && (
        <section className="panel draft-results">
          {sentences.map((s, i) => (
            <DraftSentence key={`${i}:${s}`} n={i + 1} sentence={s} filters={filters} term={state.term} onTerm={(term) => setState({ term })} />
          ))}
        </section>
      )}
      <DraftCheck />
      <PhrasingPanel id="wphr-h" term={state.term} onTerm={(v, o) => setState({ term: v }, o)} filters={filters} scope={scope} sort={state.fsort} onSort={(fsort) => setState({ fsort })} />
      {state.term.trim() && (
        // two terms in the page's one selection: the sketch difference of the term vs a second one
        <Panel id="wsd-h" title={t("sketchDiff")} tools={<SearchBox label={t("sketchVs")} name="vs" value={state.vs} onCommit={(v, o) => setState({ vs: v }, o)} />}>
          {state.vs.trim() && state.vs.trim() !== state.term.trim() ? (
            <SketchDiff params={{ ...prefixed(filters, "a."), term: state.term.trim(), termB: state.vs.trim() }} labelA={state.term.trim()} labelB={state.vs.trim()} />
          ) : (
            <p className="muted">{t("sketchHint")}</p>
          )}
        </Panel>
      )}
    </div>
  );
}
