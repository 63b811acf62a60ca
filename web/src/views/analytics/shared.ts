// What every analytics tab receives, and the small formatters they share.
import type { Params } from "../../api/client.ts";
import type { AnalyticsState } from "../../state/analytics.ts";

export interface TabProps {
  state: AnalyticsState;
  /** the facet filters, as API parameters */
  filters: Params;
  set: (patch: Partial<AnalyticsState>, options?: { replace: boolean }) => void;
}

import { formatNumber, type NumberKind } from "../../lib/numbers.ts";

/** A table's number: the UI's one formatter (lib/numbers.ts), a count unless told its kind. */
export const fmt = (n: number, kind: NumberKind = "count") => formatNumber(n, kind);

/** One row of an endpoint's answer, e.g. `RowOf<typeof frequency>`. */
export type RowOf<F extends (...args: never[]) => Promise<{ rows: readonly unknown[] }>> = Awaited<ReturnType<F>>["rows"][number];
