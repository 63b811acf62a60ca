// match=regex: an ECMAScript regular expression over the clean text (search and KWIC). No RE2
// binding is installed (the `re2` package builds abseil and RE2 from source with node-gyp on every
// clean install), so a backtracking expression is bounded by time instead: the run goes to the
// analytics pool under a budget of its own, and past it the worker is stopped (piscina replaces
// it) and the answer is a 422 that says so. The expression is checked on the main thread first.
import { DEFAULT_REGEX_BUDGET_MS } from "../../core/config.ts";
import { BadRequestError, HttpError } from "../../core/errors.ts";
import { fold } from "../../core/fold.ts";
import type { RunContext } from "../pool/pool.ts";

/** How long one regular-expression search or concordance may run unless WENYUAN_REGEX_BUDGET_MS says otherwise (core/config.ts). */
export const REGEX_BUDGET_MS = DEFAULT_REGEX_BUDGET_MS;

export class RegexBudgetError extends HttpError {
  override name = "RegexBudgetError";
  constructor(readonly budgetMs: number) {
    super(422, "regex_too_slow", `the regular expression ran longer than its budget of ${budgetMs} ms and was stopped; nested repetition such as (a+)+ backtracks without end: simplify it, or use match=cql or substring`, undefined, { budgetMs });
  }
}

/** The expression to run (traditional characters folded, as every query is); a 400 naming the field when it is not valid. */
export function regexSource(source: string, field: string): string {
  const folded = fold(source.trim());
  try {
    new RegExp(folded, "gu");
  } catch (e) {
    throw new BadRequestError(`${field}: not a valid regular expression: ${(e as Error).message}`, field, "regex_syntax", { reason: (e as Error).message });
  }
  return folded;
}

/**
 * Runs `run` with a context whose signal also fires when the budget is spent; that becomes a
 * RegexBudgetError. The budget starts when a worker picks the first task up (RunContext.onStart),
 * not when the request arrives: time waiting in the pool's queue behind other analyses is not
 * the expression's fault (the pool's own deadline bounds the wait).
 */
export async function withRegexBudget<T>(ctx: RunContext, run: (ctx: RunContext) => Promise<T>, budgetMs = REGEX_BUDGET_MS): Promise<T> {
  const budget = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onStart = () => {
    ctx.onStart?.();
    timer ??= setTimeout(() => budget.abort(), budgetMs);
  };
  try {
    return await run({ ...ctx, onStart, signal: ctx.signal ? AbortSignal.any([budget.signal, ctx.signal]) : budget.signal });
  } catch (e) {
    if (budget.signal.aborted && !ctx.signal?.aborted) throw new RegexBudgetError(budgetMs);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** [start, end) of every non-empty match in text, left to right; the expression runs over the folded text (core/fold.ts: same offsets). */
export function regexMatches(text: string, source: string): [number, number][] {
  const re = new RegExp(source, "gu");
  text = fold(text);
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length) out.push([m.index, m.index + m[0].length]);
    else re.lastIndex = m.index + 1;
  }
  return out;
}
