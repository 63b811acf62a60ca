// `/methods` — what every measure computes, its formula, a worked example from this corpus, and
// where it comes from. The worked example is live: the keyness of one word between two sectors,
// fetched from the API and recomputed here from its four counts, so the page shows the arithmetic
// the figures rest on (and that they agree).
import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { keyness } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { METHOD_IDS, METHODS } from "../app/methods.ts";
import { useApi } from "../hooks/useApi.ts";

const EXAMPLE = { term: "机关", a: "hospital", b: "agency" } as const;

/** The two-cell G² and Log Ratio, as server/analytics/shared/keynessStats.ts defines them. */
function recompute(a: number, b: number, c: number, d: number) {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const part = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);
  const g2 = 2 * (part(a, e1) + part(b, e2));
  return { e1, e2, g2: a / c >= b / d ? g2 : -g2, logRatio: Math.log2(((a || 0.5) / c) / ((b || 0.5) / d)) };
}

function WorkedExample() {
  const { t, label } = useLang();
  const q = useApi("keyness", { "a.sector": EXAMPLE.a, "b.sector": EXAMPLE.b, min: 1, limit: 1000 }, keyness);
  const row = q.data?.rows.find((r) => r.term === EXAMPLE.term);
  if (!q.data) return <p className="muted">{q.error ? t("methodsExampleMissing") : t("loading")}</p>;
  if (!row) return <p className="muted">{t("methodsExampleMissing")}</p>;
  const { a, b } = { a: row.a.count, b: row.b.count };
  const { a: c, b: d } = q.data.totals;
  const r = recompute(a, b, c, d);
  const f = (x: number, n = 2) => x.toFixed(n);
  return (
    <div className="worked-example" data-g2={row.g2} data-recomputed={r.g2}>
      <p>{t("methodsExampleIntro", { term: EXAMPLE.term, a: label("sector", EXAMPLE.a), b: label("sector", EXAMPLE.b) })}</p>
      <pre>
        {`a = ${a}   b = ${b}   c = ${c}   d = ${d}
E₁ = c(a+b)/(c+d) = ${c}×${a + b}/${c + d} = ${f(r.e1)}
E₂ = d(a+b)/(c+d) = ${d}×${a + b}/${c + d} = ${f(r.e2)}
G² = 2[a·ln(a/E₁) + b·ln(b/E₂)] = ${f(Math.abs(r.g2))}  → ${f(r.g2)} (${r.g2 < 0 ? "B" : "A"})
Log Ratio = log₂((a/c)/(b/d)) = log₂((${a || 0.5}/${c})/(${b || 0.5}/${d})) = ${f(r.logRatio)}
A: ${a}/${q.data.chars.a}×10⁴ = ${f(row.a.per10k)} ${t("per10k")}   B: ${b}/${q.data.chars.b}×10⁴ = ${f(row.b.per10k)} ${t("per10k")}`}
      </pre>
      <p className="muted">
        {t("methodsExampleApi", { g2: f(row.g2, 2), lr: f(row.logRatio, 2) })}{" "}
        <Link to={`/compare?a.sector=${EXAMPLE.a}&b.sector=${EXAMPLE.b}&term=${encodeURIComponent(EXAMPLE.term)}`}>{t("methodsExampleOpen")} ›</Link>
      </p>
    </div>
  );
}

export default function MethodsView() {
  const { t, lang } = useLang();
  const { hash } = useLocation();
  const methods = METHODS[lang];
  // a "?" link lands on its section once the page has rendered
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: "start" });
  }, [hash, lang]);
  return (
    <div className="view view-methods">
      <h1>{t("methodsTitle")}</h1>
      <p className="muted">{t("methodsIntro")}</p>
      <nav aria-label={t("methodsTitle")} className="methods-toc">
        {METHOD_IDS.map((id) => (
          <a key={id} href={`#${id}`}>
            {methods[id].title}
          </a>
        ))}
      </nav>
      {METHOD_IDS.map((id) => {
        const m = methods[id];
        return (
          <section key={id} id={id} className="method" aria-labelledby={`${id}-h`}>
            <h2 id={`${id}-h`}>{m.title}</h2>
            {m.body.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {m.formula && <pre className="formula">{m.formula}</pre>}
            {id === "g2" && <WorkedExample />}
            {m.refs && (
              <ul className="refs">
                {m.refs.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
