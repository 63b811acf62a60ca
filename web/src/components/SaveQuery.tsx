// "保存查询 / Save query": keeps the view's current URL on the instance under a name, with the
// view's headline count now (POST /api/queries; a write, so the admin token or this machine).
import { useState } from "react";
import { Link, useLocation } from "react-router";
import type { SavedView } from "../../../core/api/schema.ts";
import { saveQuery } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { useHistory } from "../hooks/useHistory.ts";
import { queryUrl } from "../lib/history.ts";
import { summarize } from "../lib/savedViews.ts";
import { errorMessage } from "./ErrorBox.tsx";

/** `count` absent: the count the view recorded in the history for this URL (useRecordQuery). */
export function SaveQuery({ view, ...props }: { view: SavedView; count?: number | undefined }) {
  const { t, label } = useLang();
  const { pathname, search } = useLocation();
  const url = queryUrl(pathname, search);
  const { entries } = useHistory();
  const count = "count" in props ? props.count : entries.find((e) => e.url === url)?.count;
  const params = new URLSearchParams(url.split("?")[1] ?? "");
  const summary = summarize(view, params, t, label);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [state, setState] = useState<{ url: string; saved?: string; error?: string; busy?: boolean }>({ url });
  // a new query: the last save's answer is no longer about it
  const here = state.url === url ? state : { url };
  const submit = async () => {
    setState({ url, busy: true });
    try {
      const saved = await saveQuery({ name: name.trim(), view, params: params.toString(), summary, count: count ?? null });
      setState({ url, saved: saved.name });
      setOpen(false);
    } catch (e) {
      setState({ url, error: errorMessage(e, t) });
    }
  };
  return (
    <span className="save-query" data-view={view}>
      {!open && (
        <button
          type="button"
          className="link-button save-query-open"
          disabled={count === undefined}
          onClick={() => {
            setName(summary.slice(0, 100));
            setOpen(true);
          }}
        >
          {t("saveQuery")}
        </button>
      )}
      {open && (
        // not a <form>: it sits inside the views' summary lines (a <p>); Enter saves
        <span className="save-query-form" role="group" aria-label={t("saveQuery")}>
          <label className="inline-field">
            {t("saveQueryName")}
            <input
              name="query-name"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && !e.nativeEvent.isComposing && name.trim() && void submit()}
              autoFocus
            />
          </label>{" "}
          <button type="button" className="save-query-submit" disabled={here.busy || !name.trim()} onClick={() => void submit()}>
            {t("saveQuerySubmit")}
          </button>{" "}
          <button type="button" className="link-button" onClick={() => setOpen(false)}>
            {t("saveQueryCancel")}
          </button>
        </span>
      )}
      {here.saved && (
        <span className="save-query-done" role="status">
          {" "}
          {t("saveQueryDone", { name: here.saved })} <Link to="/history">{t("savedQueriesOpen")} ›</Link>
        </span>
      )}
      {here.error && (
        <span className="error-text" role="alert">
          {" "}
          {here.error}
        </span>
      )}
    </span>
  );
}
