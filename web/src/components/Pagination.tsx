// Page navigation: previous / a window of page numbers / next.
import { useLang } from "../app/lang.tsx";

function pageWindow(page: number, pages: number): (number | null)[] {
  const set = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...set].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}

export function Pagination({ page, total, perPage, onPage, max = 10_000 }: { page: number; total: number; perPage: number; onPage: (p: number) => void; max?: number }) {
  const { t } = useLang();
  const pages = Math.min(Math.max(1, Math.ceil(total / perPage)), max);
  if (page > pages) {
    // a page past the end (an old link, a hand-edited URL): say so and offer the last one
    return (
      <nav className="pagination" aria-label={t("pagination")}>
        <p className="notice page-past">{t("pagePast", { page, pages })}</p>
        <button type="button" onClick={() => onPage(pages)}>
          {t("lastPage", { pages })}
        </button>
      </nav>
    );
  }
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("pagination")}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ {t("prev")}
      </button>
      {pageWindow(page, pages).map((p, i) =>
        p === null ? (
          <span key={`gap${i}`} className="gap" aria-hidden="true">
            …
          </span>
        ) : (
          <button type="button" key={p} aria-current={p === page ? "page" : undefined} aria-label={t("pageN", { n: p })} onClick={() => onPage(p)}>
            {p}
          </button>
        ),
      )}
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("next")} ›
      </button>
      <span className="muted page-of">{t("pageOf", { page, pages })}</span>
    </nav>
  );
}
