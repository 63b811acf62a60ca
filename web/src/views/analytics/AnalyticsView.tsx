// `/analytics` — one tab at a time over the same facet filters. Every chart has
// its table underneath and PNG/CSV export.
import { useLang } from "../../app/lang.tsx";
import { FacetPanel } from "../../components/FacetPanel.tsx";
import { useFacetCounts } from "../../hooks/useFacetCounts.ts";
import { useRouteState } from "../../hooks/useRouteState.ts";
import { RECORDED_TABS } from "../../lib/savedViews.ts";
import { SaveQuery } from "../../components/SaveQuery.tsx";
import * as analyticsUrl from "../../state/analytics.ts";
import { TABS, type AnalyticsState } from "../../state/analytics.ts";
import { filtersToApi } from "../../state/filters.ts";
import { BatchTab } from "./BatchTab.tsx";
import { BreakdownTab } from "./BreakdownTab.tsx";
import { NgramsTab } from "./NgramsTab.tsx";
import { ThemesTab } from "./ThemesTab.tsx";
import { TrendsTab } from "./TrendsTab.tsx";
import { WordsTab } from "./WordsTab.tsx";

export default function AnalyticsView() {
  const { t } = useLang();
  const [state, setState] = useRouteState<AnalyticsState>(analyticsUrl);
  const counts = useFacetCounts(state.filters);
  const tab = { state, filters: filtersToApi(state.filters), set: setState };
  return (
    <div className="view view-analytics">
      <div className="tabs" role="tablist" aria-label={t("navAnalytics")}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={state.tab === id} aria-controls="tabpanel" onClick={() => setState({ tab: id })}>
            {t(`tab_${id}`)}
          </button>
        ))}
      </div>
      <div className="with-facets">
        <FacetPanel filters={state.filters} counts={counts} onChange={(f) => setState({ filters: f })} />
        <div className="results" role="tabpanel" id="tabpanel" aria-labelledby={`tab-${state.tab}`}>
          {(RECORDED_TABS as readonly string[]).includes(state.tab) && (state.tab !== "term" || state.term.trim() !== "") && (
            <p className="save-query-bar">
              <SaveQuery view="analytics" />
            </p>
          )}
          {state.tab === "words" && <WordsTab {...tab} />}
          {state.tab === "term" && <BreakdownTab {...tab} />}
          {state.tab === "themes" && <ThemesTab {...tab} />}
          {state.tab === "ngrams" && <NgramsTab {...tab} />}
          {state.tab === "batch" && <BatchTab {...tab} />}
          {state.tab === "trends" && <TrendsTab {...tab} />}
        </div>
      </div>
    </div>
  );
}
