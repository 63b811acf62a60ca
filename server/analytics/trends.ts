// Words rising and falling over the reports' years (issue 26 item 5; Sketch Engine's Trends).
// Each year's counts are summed from the kept per-report rows of its reports (shared/countTerms.ts),
// or, for a batch list, counted as /api/breakdown counts a term (breakdown.ts by year), over the one
// selection. Per word: its rate per 10k characters in each year, and the slope of that rate on the
// year by weighted least squares, weights = the year's characters (a year of 2 million characters
// tells more than one of 20 thousand). The slope's standard error comes from the weighted
// residuals, not from a Poisson assumption: words cluster in reports, so counts vary between years
// far more than Poisson says, and the residuals measure that spread as it is. The 95% interval uses
// Student's t with years − 2 degrees of freedom (wide when the years are few); p is the same t
// test, and q its Benjamini–Hochberg adjustment over every word tested (thousands of words at 5%
// would otherwise list hundreds of chance trends). Only years with at least `minReports` reports
// are fitted; with fewer than `minYears` such years nothing is a trend. A word is listed rising
// (falling) only when its interval lies above (below) zero and q ≤ 0.05.
import type { TREND_STATUSES } from "../../core/api/schema.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { breakdown } from "./breakdown.ts";
import { countTerms } from "./shared/countTerms.ts";
import { rates } from "./shared/rates.ts";
import { tQuantile, tTwoSided } from "./shared/studentT.ts";

export type TrendStatus = (typeof TREND_STATUSES)[number];

export interface TrendsOptions {
  minReports: number;
  minYears: number;
  minWordYears: number;
  minCount: number;
  /** words mode */
  minLength?: number;
  stopwords?: boolean;
  limit?: number;
  /** batch mode: the list's terms, each as breakdown counts it */
  terms?: { label: string; alternatives: string[][]; matches: string[] }[];
  /** batch mode: hits to leave out per report id (a coding's excluded lines), as breakdown leaves them out */
  excluded?: Readonly<Record<string, number>>;
}

export type TrendYear = { year: number; reports: number; tokens: number; chars: number; used: boolean };
export type TrendPoint = { year: number; count: number; docs: number; per10k: number };
export type Trend = {
  term: string;
  matches?: string[];
  /** occurrences and reports in the fitted years */
  count: number;
  docs: number;
  yearsPresent: number;
  /** per 10k characters per year, with its 95% interval */
  slope: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  q: number | null;
  status: TrendStatus;
  reason: string;
  series: TrendPoint[];
};

const ALPHA = 0.05;

export function trends(corpus: Corpus, docs: CorpusDoc[], o: TrendsOptions, ix: Pick<CorpusIndexes, "tokenClasses" | "docPostings" | "sentenceIndex">) {
  const byYear = new Map<number, CorpusDoc[]>();
  let unknownYear = 0;
  for (const d of docs) {
    const y = d.report.year;
    if (y === null) unknownYear++;
    else {
      const list = byYear.get(y);
      if (list) list.push(d);
      else byYear.set(y, [d]);
    }
  }
  const years: TrendYear[] = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, ds]) => ({ year, reports: ds.length, tokens: ds.reduce((n, d) => n + d.wordCount, 0), chars: ds.reduce((n, d) => n + d.report.chars, 0), used: ds.length >= o.minReports }));
  const used = years.filter((y) => y.used);
  const enough = used.length >= o.minYears;
  const crit = enough ? tQuantile(0.975, used.length - 2) : NaN;
  const x = used.map((y) => y.year);
  const w = used.map((y) => y.chars);
  const usedAt = years.map((y) => y.used);

  /** one word's verdict from its per-year counts and report counts (in `years` order) */
  const judge = (term: string, counts: number[], docsIn: number[], matches?: string[]): Trend => {
    const series = years.map((y, k) => ({ year: y.year, count: counts[k], docs: docsIn[k], per10k: rates(counts[k], y.chars, y.tokens).per10k }));
    let count = 0;
    let docsN = 0;
    let present = 0;
    for (let k = 0; k < years.length; k++) {
      if (!usedAt[k]) continue;
      count += counts[k];
      docsN += docsIn[k];
      if (counts[k]) present++;
    }
    const base = { term, ...(matches ? { matches } : {}), count, docs: docsN, yearsPresent: present, slope: null, low: null, high: null, p: null, q: null, series };
    if (!enough) return { ...base, status: "insufficient", reason: `only ${used.length} years have ${o.minReports} or more reports (minYears ${o.minYears})` };
    if (count < o.minCount) return { ...base, status: "tooRare", reason: `${count} occurrences in the fitted years, fewer than minCount ${o.minCount}` };
    if (present < o.minWordYears) return { ...base, status: "tooFewYears", reason: `occurs in ${present} of the ${used.length} fitted years, fewer than minWordYears ${o.minWordYears}` };
    const y = series.filter((_, k) => usedAt[k]).map((s) => s.per10k);
    const fit = wls(x, y, w);
    const half = crit * fit.se;
    const p = fit.se > 0 ? tTwoSided(fit.slope / fit.se, used.length - 2) : fit.slope !== 0 ? 0 : 1;
    return { ...base, slope: fit.slope, low: fit.slope - half, high: fit.slope + half, p, status: "flat", reason: "" };
  };

  let judged: Trend[];
  if (o.terms) {
    const k = new Map(years.map((y, i) => [String(y.year), i]));
    judged = o.terms.map((t) => {
      const counts = new Array<number>(years.length).fill(0);
      const docsIn = new Array<number>(years.length).fill(0);
      for (const r of breakdown(corpus, docs, { alternatives: t.alternatives, by: "year", excluded: o.excluded }, ix).rows) {
        const i = k.get(r.key);
        if (i === undefined) continue; // year unknown
        counts[i] = r.count;
        docsIn[i] = r.docs;
      }
      return judge(t.label, counts, docsIn, t.matches);
    });
  } else {
    const perYear = years.map((y) => countTerms(corpus, byYear.get(y.year)!));
    const minLength = o.minLength ?? 1;
    judged = [];
    const counts = new Array<number>(years.length);
    const docsIn = new Array<number>(years.length);
    for (let id = 0; id < corpus.vocab.length; id++) {
      if (!corpus.isWord[id] || (o.stopwords && corpus.isStopword[id])) continue;
      let any = false;
      for (let k = 0; k < years.length; k++) {
        counts[k] = perYear[k].counts[id];
        docsIn[k] = perYear[k].docFreq[id];
        if (usedAt[k] && counts[k]) any = true;
      }
      if (!any) continue;
      if (minLength > 1 && [...corpus.vocab[id]].length < minLength) continue;
      judged.push(judge(corpus.vocab[id], counts.slice(), docsIn.slice()));
    }
  }

  // Benjamini–Hochberg over the words that were tested
  const tested = judged.filter((t) => t.p !== null).sort((a, b) => a.p! - b.p!);
  let running = 1;
  for (let i = tested.length - 1; i >= 0; i--) {
    running = Math.min(running, (tested[i].p! * tested.length) / (i + 1));
    tested[i].q = running;
  }
  for (const t of tested) {
    if (t.low! <= 0 && t.high! >= 0) Object.assign(t, { status: "flat", reason: "the 95% interval of the slope includes 0" });
    else if (t.q! > ALPHA) Object.assign(t, { status: "notSignificant", reason: `the interval excludes 0, but q = ${t.q!.toPrecision(2)} > ${ALPHA} after the false-discovery-rate adjustment over ${tested.length} terms tested` });
    else Object.assign(t, { status: t.slope! > 0 ? "rising" : "falling", reason: `the 95% interval of the slope lies ${t.slope! > 0 ? "above" : "below"} 0 and q ≤ ${ALPHA}` });
  }

  const notListed = { flat: 0, notSignificant: 0, tooRare: 0, tooFewYears: 0, insufficient: 0 };
  for (const t of judged) if (t.status !== "rising" && t.status !== "falling") notListed[t.status]++;
  const limit = o.limit ?? Number.MAX_SAFE_INTEGER;
  const list = (s: "rising" | "falling") =>
    judged
      .filter((t) => t.status === s)
      .sort((a, b) => Math.abs(b.slope!) - Math.abs(a.slope!) || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  const rising = list("rising");
  const falling = list("falling");
  const found = judged.length - Object.values(notListed).reduce((a, b) => a + b, 0);
  const message = !enough
    ? `No trends: ${used.length} of ${years.length} years have ${o.minReports} or more reports, and a trend needs ${o.minYears} such years.`
    : `${tested.length} of ${judged.length} terms tested over ${used.length} years (${x[0]}–${x.at(-1)}); ${found} rising or falling.`;
  return { years, unknownYear, usedYears: used.length, enough, message, tested: tested.length, notListed, rising, falling, terms: o.terms ? judged : null };
}

/** Weighted least squares of y on x: the slope and its standard error from the weighted residuals. */
function wls(x: number[], y: number[], w: number[]): { slope: number; se: number } {
  const sw = w.reduce((a, b) => a + b, 0);
  const xm = x.reduce((a, v, i) => a + w[i] * v, 0) / sw;
  const ym = y.reduce((a, v, i) => a + w[i] * v, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += w[i] * (x[i] - xm) ** 2;
    sxy += w[i] * (x[i] - xm) * (y[i] - ym);
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < x.length; i++) rss += w[i] * (y[i] - ym - slope * (x[i] - xm)) ** 2;
  // the weights' scale cancels: σ² is estimated in the same units as 1/w
  return { slope, se: Math.sqrt(rss / (x.length - 2) / sxx) };
}
