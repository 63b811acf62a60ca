// Report view (`/report/:id`) URL state: the query to highlight and the offset to open at.
import { MATCHES } from "../../../core/api/schema.ts";
import { safeFrom } from "./drill.ts";
import { int, oneOf, put, str } from "./route.ts";

export interface ReportState {
  q: string;
  match: (typeof MATCHES)[number];
  at: number | null;
  /** with `at`: the end of the sentence to highlight (an example opened from the writer's views) */
  end: number | null;
  /** the app path (with its query) of the list that opened the report: where "back" leads */
  from: string;
}

export const defaultReportState = (): ReportState => ({ q: "", match: "word", at: null, end: null, from: "" });

export function stateToRoute(s: ReportState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "q", s.q);
  put(p, "match", s.match, "word");
  put(p, "at", s.at ?? "");
  put(p, "end", s.at !== null ? (s.end ?? "") : "");
  put(p, "from", s.from);
  return p;
}

export function routeToState(p: URLSearchParams): ReportState {
  const at = int(p, "at", 0, 100_000_000, -1);
  const end = int(p, "end", 0, 100_000_000, -1);
  const from = str(p, "from", 4000);
  return { q: str(p, "q", 500), match: oneOf(p, "match", MATCHES, "word"), at: at < 0 ? null : at, end: at < 0 || end <= at ? null : end, from: safeFrom(from) ?? "" };
}

/** Link to a report, opened at `at` with `q` highlighted. */
export function reportHref(id: string, s: Partial<ReportState> = {}): string {
  const qs = stateToRoute({ ...defaultReportState(), ...s }).toString();
  return `/report/${encodeURIComponent(id)}${qs ? `?${qs}` : ""}`;
}
