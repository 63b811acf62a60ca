// What every analytics tab receives, and the small formatters they share.
import type { Params } from "../../api/client.ts";
import type { AnalyticsState } from "../../state/analytics.ts";

export interface TabProps {
  state: AnalyticsState;
  /** the facet filters, as API parameters */
  filters: Params;
  set: (patch: Partial<AnalyticsState>, options?: { replace: boolean }) => void;
}

export const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? n.toLocaleString() : n.toFixed(digits));

/** One row of an endpoint's answer, e.g. `RowOf<typeof frequency>`. */
export type RowOf<F extends (...args: never[]) => Promise<{ rows: readonly unknown[] }>> = Awaited<ReturnType<F>>["rows"][number];
