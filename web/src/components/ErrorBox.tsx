// Error and empty states. Meilisearch being down is said plainly.
import type { ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { MESSAGES, type MessageKey, type Translate } from "../app/i18n.ts";
import { useLang } from "../app/lang.tsx";

/**
 * An error in the UI's language: each code the API can answer (core/api/errorCodes.ts) has its own
 * message, with the server's detail (a CQL error's column) and message put in; an unknown code
 * falls back to the server's own words.
 */
export function errorMessage(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    const key = `err_${err.code}`;
    if (Object.hasOwn(MESSAGES.zh, key)) {
      const said = t(key as MessageKey, { field: err.field ?? "", reason: err.message, ...err.detail, message: err.message });
      return err.detail?.cql === undefined ? said : `${said}${t("cqlReadAs", { cql: err.detail.cql })}`;
    }
    if (err.unavailable) return t("searchUnavailable");
    if (err.status === 0) return t("networkError");
    if (err.status === 400) return t("badRequest", { message: err.message });
    return t("genericError", { message: err.message });
  }
  return t("genericError", { message: err instanceof Error ? err.message : String(err) });
}

/** `onRetry` is offered only when trying again could help: not for a missing report or a bad request. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  const unavailable = error instanceof ApiError && error.unavailable;
  return (
    <div className={`notice ${unavailable ? "notice-warn" : "notice-error"}`} role="alert">
      <p>{errorMessage(error, t)}</p>
      {onRetry && !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A query's failure, with a retry. (Its loading state is the placeholder of what it fills.) */
export function QueryError({ q }: { q: { error: unknown; refetch: () => unknown } }) {
  return q.error ? <ErrorBox error={q.error} onRetry={() => void q.refetch()} /> : null;
}
