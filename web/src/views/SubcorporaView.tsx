// `/subcorpora` — the instance's named subcorpora: name and description, who made it, its
// definition in words, its reports and words when saved and now, the hand-picked reports no longer
// in the corpus; each opens in search, the word list, the concordance or /compare, and can be deleted.
import { useState } from "react";
import { Link } from "react-router";
import type { SubcorpusInfo } from "../../../core/api/schema.ts";
import { deleteSubcorpus } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { Empty, ErrorBox, errorMessage } from "../components/ErrorBox.tsx";
import { useRefreshSubcorpora, useSubcorpora } from "../hooks/useSubcorpora.ts";
import { definitionText } from "../lib/subcorpus.ts";

function Row({ s, onError }: { s: SubcorpusInfo; onError: (message: string) => void }) {
  const { t, label } = useLang();
  const refresh = useRefreshSubcorpora();
  const [busy, setBusy] = useState(false);
  const changed = s.at.reports !== s.now.reports || s.at.words !== s.now.words;
  const remove = async () => {
    if (!window.confirm(t("subcorpusDeleteConfirm", { name: s.name }))) return;
    setBusy(true);
    try {
      await deleteSubcorpus(s.id);
      await refresh();
    } catch (e) {
      onError(errorMessage(e, t));
      setBusy(false);
    }
  };
  const q = `subcorpus=${encodeURIComponent(s.id)}`;
  return (
    <tr data-subcorpus={s.id}>
      <th scope="row">
        <span className="subcorpus-name">{s.name}</span>
        {s.description && <div className="muted">{s.description}</div>}
        <div className="muted">
          <code>{s.id}</code> · {t("subcorpusRev", { rev: s.rev })}
        </div>
      </th>
      <td className="num" data-col="reports">
        {s.at.reports.toLocaleString()} / <span className={changed ? "warn" : undefined}>{s.now.reports.toLocaleString()}</span>
      </td>
      <td className="num" data-col="words">
        {s.at.words.toLocaleString()} / <span className={changed ? "warn" : undefined}>{s.now.words.toLocaleString()}</span>
      </td>
      <td>
        {s.by}
        <div className="muted">{new Date(s.updatedAt).toLocaleString()}</div>
      </td>
      <td data-col="definition">{definitionText(s.definition, t, label)}</td>
      <td data-col="missing">
        {s.missing.length ? (
          <ul className="subcorpus-missing warn">
            {s.missing.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t("subcorpusMissingNone")}</span>
        )}
      </td>
      <td className="subcorpus-actions">
        <Link to={`/?${q}`}>{t("navSearch")}</Link> <Link to={`/analytics?${q}`}>{t("subcorpusOpenWords")}</Link> <Link to={`/compare?a.${q}`}>{t("navCompare")}</Link>{" "}
        <button type="button" className="linklike" disabled={busy} onClick={() => void remove()} aria-label={t("subcorpusDeleteLabel", { name: s.name })}>
          {t("subcorpusDelete")}
        </button>
      </td>
    </tr>
  );
}

export default function SubcorporaView() {
  const { t } = useLang();
  const list = useSubcorpora();
  const [error, setError] = useState<string | null>(null);
  const all = list.data?.subcorpora ?? [];
  return (
    <div className="view view-subcorpora">
      <h1>{t("subcorporaTitle")}</h1>
      <p className="muted">{t("subcorporaIntro")}</p>
      {list.error && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {list.data && !all.length && <Empty>{t("subcorporaEmpty")}</Empty>}
      {all.length > 0 && (
        <div className="table-scroll">
          <table className="data-table subcorpora">
            <thead>
              <tr>
                <th scope="col">{t("subcorpusName")}</th>
                <th scope="col" className="num">
                  {t("subcorpusReportsThenNow")}
                </th>
                <th scope="col" className="num">
                  {t("subcorpusWordsThenNow")}
                </th>
                <th scope="col">{t("subcorpusBy")}</th>
                <th scope="col">{t("subcorpusDefinition")}</th>
                <th scope="col">{t("subcorpusMissing")}</th>
                <th scope="col">
                  {t("subcorpusActions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((s) => (
                <Row key={s.id} s={s} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
