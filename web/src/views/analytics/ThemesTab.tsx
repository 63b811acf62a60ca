// Themes × sector: how much of each sector's text each theme's terms take (per 10k
// characters), as a heatmap and a table. A cell (in the heatmap or the table) opens the
// concordance of the theme's terms in its sector under the filters: the lines it counted.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { themes } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { Chart } from "../../components/Chart.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { QueryError } from "../../components/ErrorBox.tsx";
import { Explain } from "../../components/Explain.tsx";
import { Panel } from "../../components/Panel.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { useRecordQuery } from "../../hooks/useHistory.ts";
import { headline } from "../../lib/savedViews.ts";
import { tabParams } from "../../state/analytics.ts";
import { useMedia } from "../../hooks/useMedia.ts";
import { heatmap } from "../../lib/chartOptions.ts";
import { formatNumber } from "../../lib/numbers.ts";
import { narrow as narrowTo, themeLink } from "../../state/drill.ts";
import type { TabProps } from "./shared.ts";

type Theme = Awaited<ReturnType<typeof themes>>["themes"][number];

// The bundled theme list has 20; sizing the chart for it before the answer arrives
// keeps the page from jumping in the usual case.
const EXPECTED_THEMES = 20;

export function ThemesTab({ state, filters }: Pick<TabProps, "state" | "filters">) {
  const { t, label, lang } = useLang();
  const navigate = useNavigate();
  const params = { ...filters, ...tabParams(state).themes };
  const q = useApi("themes", params, themes);
  useRecordQuery("analytics", q.data && !q.isPlaceholderData ? headline.themes(q.data) : undefined);
  const d = q.data;
  const name = (th: Theme) => (lang === "zh" ? th.name : th.nameEn);
  // at phone width the cells are narrower than their numbers: the table below carries them
  const narrow = useMedia("(max-width: 640px)");
  /** what a cell opens: the concordance of the theme's terms under the filters, in the cell's sector */
  const cellLink = (th: Theme, group: string) => {
    const f = narrowTo(state.filters, "sector", group);
    return f && themeLink(th.id, name(th), f);
  };
  const { option, drawn } = useMemo(() => {
    if (!d) return { option: heatmap([], [], [], t("per10k"), !narrow), drawn: [] };
    const groups = d.groups.map((g) => g.key);
    const placed = d.cells.map((c) => ({ c, at: [groups.indexOf(c.group), d.themes.findIndex((th) => th.id === c.theme), Number(c.per10k.toFixed(2))] as [number, number, number] }));
    const kept = placed.filter((p) => p.at[0] >= 0 && p.at[1] >= 0);
    return {
      option: heatmap(
        groups.map((g) => label("sector", g)),
        d.themes.map((th) => (lang === "zh" ? th.name : th.nameEn)),
        kept.map((p) => p.at),
        t("per10k"),
        !narrow,
      ),
      // a heatmap data index → its cell, for the click
      drawn: kept.map((p) => p.c),
    };
  }, [d, lang, t, label, narrow]);
  const columns: Column<Theme>[] = [
    { key: "theme", header: t("theme"), rowHeader: true, cell: (th) => <span title={th.terms.join("、")}>{name(th)}</span> },
    ...(d?.groups ?? []).map(
      (g): Column<Theme> => ({
        key: g.key,
        num: true,
        header: (
          <>
            {label("sector", g.key)} <span className="muted">({g.docs})</span>
          </>
        ),
        cell: (th) => {
          const c = d?.cells.find((x) => x.theme === th.id && x.group === g.key);
          if (!c) return "—";
          const figures = (
            <>
              {formatNumber(c.per10k, "per10k")} <span className="muted">{formatNumber(c.perMillion, "perMillion")}</span>
            </>
          );
          const title = `${t("count")}: ${formatNumber(c.count)} · ${t("perMillionWords")}: ${formatNumber(c.perMillion, "perMillion")}`;
          const to = c.count ? cellLink(th, g.key) : null;
          return to ? (
            <Link to={to} title={title} data-theme={th.id} data-group={g.key} data-count={c.count}>
              {figures}
            </Link>
          ) : (
            <span title={title}>{figures}</span>
          );
        },
      }),
    ),
  ];
  const title = (
    <>
      {t("tab_themes")} <span className="muted">({t("per10k")} · {t("perMillionWords")})</span> <Explain id="themes" />
    </>
  );
  return (
    <Panel id="themes-h" title={title} tools={<DownloadLinks endpoint="themes" params={params} />}>
      <QueryError q={q} />
      <Chart
        option={option}
        height={Math.max(320, (d?.themes.length ?? EXPECTED_THEMES) * 34 + 90)}
        label={t("tab_themes")}
        fileName="wenyuan-themes"
        summary={narrow ? "values: table" : "values: cells"}
        onItemClick={(i) => {
          const c = drawn[i];
          const th = c && d?.themes.find((x) => x.id === c.theme);
          const to = th && c.count ? cellLink(th, c.group) : null;
          if (to) navigate(to);
        }}
      />
      <DataTable columns={columns} rows={d?.themes} rowKey={(th) => th.id} loading={q.isLoading} />
      <p className="muted">{t("rateNote")}</p>
    </Panel>
  );
}
