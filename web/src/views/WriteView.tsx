// `/write` — paste a draft sentence, get the closest corpus sentences; a term's phrasing variants.
import { useEffect, useId, useState } from "react";
import { similar } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { Empty, QueryError } from "../components/ErrorBox.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { PhrasingPanel } from "../components/Phrasing.tsx";
import { SimilarList } from "../components/SimilarList.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import * as writeUrl from "../state/write.ts";
import type { WriteState } from "../state/write.ts";

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

export default function WriteView() {
  const { t } = useLang();
  const id = useId();
  const [state, setState] = useRouteState<WriteState>(writeUrl);
  const [draft, setDraft] = useState(state.text);
  // back/forward: show the draft the URL holds
  useEffect(() => setDraft(state.text), [state.text]);
  const res = useApi("similar", { text: state.text.trim(), limit: 15 }, similar, state.text.trim() !== "");
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
          <textarea id={`${id}-draft`} rows={4} maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" disabled={!draft.trim()}>
            {t("writeFind")}
          </button>
        </form>
        <QueryError q={res} />
        {state.text && res.isLoading && <p className="muted">{t("loading")}</p>}
        {state.text && res.data && res.data.rows.length === 0 && <Empty>{t("noResults")}</Empty>}
        {state.text && res.data && res.data.rows.length > 0 && <DownloadLinks endpoint="similar" params={{ text: state.text.trim(), limit: 15 }} />}
        {state.text && res.data && <SimilarList rows={res.data.rows} extra={(row) => (
              <span className="nowrap">
                {" "}· {t("score")} {row.score.toFixed(2)} <CopyButton text={row.text} />
              </span>
            )} />}
      </section>
      <PhrasingPanel id="wphr-h" term={state.term} onTerm={(v, o) => setState({ term: v }, o)} />
    </div>
  );
}
