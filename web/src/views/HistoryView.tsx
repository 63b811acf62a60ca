// `/history` — the queries saved on the instance (count when saved and now, re-counted through the
// view's own request) and this browser's history (newest first, each re-runs on click; clearable).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { SavedQuery, SavedView } from "../../../core/api/schema.ts";
import { deleteQuery, getQueries } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import type { MessageKey } from "../app/i18n.ts";
import { Empty, ErrorBox, errorMessage } from "../components/ErrorBox.tsx";
import { useHistory } from "../hooks/useHistory.ts";
import { HISTORY_MAX } from "../lib/history.ts";
import { countNow, countUnit, summarize } from "../lib/savedViews.ts";

const paramsOf = (url: string) => new URLSearchParams(url.split("?")[1] ?? "");
const viewName = (view: SavedView): MessageKey => (view === "search" ? "navSearch" : view === "kwic" ? "navKwic" : view === "analytics" ? "navAnalytics" : "navCompare");

function Count({ view, url, n }: { view: SavedView; url: string; n: number | null | undefined }) {
  const { t } = useLang();
  if (n === null || n === undefined) return <>—</>;
  return <>{t(countUnit(view, paramsOf(url)), { n })}</>;
}

function CountNow({ q }: { q: SavedQuery }) {
  const now = useQuery({ queryKey: ["countNow", q.view, q.params], queryFn: ({ signal }) => countNow(q.view, new URLSearchParams(q.params), signal), staleTime: 0 });
  const { t } = useLang();
  if (now.error) return <span className="error-text">{errorMessage(now.error, t)}</span>;
  if (now.isLoading) return <span className="muted">{t("loading")}</span>;
  const changed = now.data !== null && q.count !== null && now.data !== q.count;
  return (
    <span className={changed ? "count-changed" : undefined} data-count-now={now.data ?? ""}>
      <Count view={q.view} url={q.url} n={now.data} />
    </span>
  );
}

function SavedQueries() {
  const { t, label } = useLang();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ["queries"], queryFn: ({ signal }) => getQueries(signal), staleTime: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (q: SavedQuery) => {
    setProblem(null);
    try {
      await deleteQuery(q.id);
      await client.invalidateQueries({ queryKey: ["queries"] });
    } catch (e) {
      setProblem(errorMessage(e, t));
    }
  };
  const queries = list.data?.queries ?? [];
  return (
    <section className="panel saved-queries" aria-labelledby="saved-h">
      <h2 id="saved-h">{t("savedQueries", { n: queries.length })}</h2>
      <p className="muted">{t("savedQueriesNote")}</p>
      {list.error && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {list.data && queries.length === 0 && <Empty>{t("savedQueriesNone")}</Empty>}
      {queries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table saved-list">
            <thead>
              <tr>
                <th scope="col">{t("savedName")}</th>
                <th scope="col">{t("historyView")}</th>
                <th scope="col">{t("historyQuery")}</th>
                <th scope="col">{t("countThen")}</th>
                <th scope="col">{t("countNow")}</th>
                <th scope="col">{t("savedBy")}</th>
                <th scope="col">
                  {t("historyActions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {queries.map((q) => (
                <tr key={q.id} data-query-id={q.id} data-url={q.url}>
                  <td>
                    <Link to={q.url} className="saved-open">
                      {q.name}
                    </Link>
                  </td>
                  <td>{t(viewName(q.view))}</td>
                  <td>{summarize(q.view, new URLSearchParams(q.params), t, label)}</td>
                  <td className="num" data-count-then={q.count ?? ""}>
                    <Count view={q.view} url={q.url} n={q.count} />
                  </td>
                  <td className="num">
                    <CountNow q={q} />
                  </td>
                  <td className="muted">
                    {q.who} · {new Date(q.at).toLocaleString()}
                  </td>
                  <td>
                    <button type="button" className="link-button saved-delete" aria-label={t("savedDelete", { name: q.name })} onClick={() => void remove(q)}>
                      {t("deleteSaved")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BrowserHistory() {
  const { t, label } = useLang();
  const { entries, remove, clear } = useHistory();
  return (
    <section className="panel query-history" aria-labelledby="history-h">
      <h2 id="history-h">{t("historyTitle", { n: entries.length })}</h2>
      <p className="muted">
        {t("historyNote", { max: HISTORY_MAX })}{" "}
        {entries.length > 0 && (
          <button type="button" className="history-clear" onClick={clear}>
            {t("historyClear")}
          </button>
        )}
      </p>
      {entries.length === 0 && <Empty>{t("historyNone")}</Empty>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table history-list">
            <thead>
              <tr>
                <th scope="col">{t("historyWhen")}</th>
                <th scope="col">{t("historyView")}</th>
                <th scope="col">{t("historyQuery")}</th>
                <th scope="col">{t("historyCount")}</th>
                <th scope="col">
                  {t("historyActions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.url} data-view={e.view} data-url={e.url}>
                  <td className="muted nowrap">{new Date(e.at).toLocaleString()}</td>
                  <td>{t(viewName(e.view))}</td>
                  <td>
                    <Link to={e.url} className="history-open">
                      {summarize(e.view, paramsOf(e.url), t, label)}
                    </Link>
                  </td>
                  <td className="num" data-count={e.count}>
                    <Count view={e.view} url={e.url} n={e.count} />
                  </td>
                  <td>
                    <button type="button" className="link-button history-delete" title={t("historyDelete")} onClick={() => remove(e.url)}>
                      {t("deleteSaved")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function HistoryView() {
  const { t } = useLang();
  return (
    <div className="view view-history">
      <h1>{t("navHistory")}</h1>
      <SavedQueries />
      <BrowserHistory />
    </div>
  );
}
