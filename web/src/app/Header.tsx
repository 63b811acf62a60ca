// App name, navigation, language toggle, API docs link, corpus size, health banner. On a phone
// (≤ 640 px) one row: the name, the language toggle and a menu button that opens the rest.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { ApiError, apiUrl } from "../api/client.ts";
import { getHealth, getStats } from "../api/endpoints.ts";
import { useLang } from "./lang.tsx";

export function Header() {
  const { t, lang, setLang } = useLang();
  const stats = useQuery({ queryKey: ["stats"], queryFn: ({ signal }) => getStats(signal), staleTime: 5 * 60_000 });
  const health = useQuery({ queryKey: ["health"], queryFn: ({ signal }) => getHealth(signal), refetchInterval: 30_000, retry: false });
  const nav = [
    ["/", t("navSearch")],
    ["/kwic", t("navKwic")],
    ["/analytics", t("navAnalytics")],
    ["/compare", t("navCompare")],
    ["/subcorpora", t("navSubcorpora")],
    ["/write", t("navWrite")],
    ["/corpus", t("navCorpus")],
  ] as const;
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <>
      <a className="skip" href="#main">
        {t("skipToContent")}
      </a>
      <header className={`site-header${menuOpen ? " menu-open" : ""}`}>
        <div className="brand">
          <NavLink to="/" className="brand-name">
            <span lang="zh-CN">文渊</span> <span lang="en">Wenyuan</span>
          </NavLink>
          <span className="tagline">{t("tagline")}</span>
        </div>
        <button type="button" className="lang-toggle-compact" lang={lang === "zh" ? "en" : "zh-CN"} aria-label={t("switchLangLabel")} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {t("switchLang")}
        </button>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="site-menu" onClick={() => setMenuOpen((o) => !o)}>
          <span aria-hidden="true">☰</span> {t("menu")}
        </button>
        <nav className="main-nav" id="site-menu" aria-label={t("mainNav")}>
          {nav.map(([to, text]) => (
            <NavLink key={to} to={to} end={to === "/"}>
              {text}
            </NavLink>
          ))}
        </nav>
        <div className="header-tools">
          <span className="corpus-size" aria-live="polite">
            {stats.data ? t("corpusSize", { reports: stats.data.reports, chars: stats.data.chars }) : "\u00a0"}
          </span>
          <NavLink to="/history">{t("navHistory")}</NavLink>
          <NavLink to="/methods">{t("navMethods")}</NavLink>
          <a href={apiUrl("openapi.json")}>{t("apiDocs")}</a>
          <button type="button" className="lang-toggle" lang={lang === "zh" ? "en" : "zh-CN"} aria-label={t("switchLangLabel")} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
            {t("switchLang")}
          </button>
        </div>
      </header>
      {(health.data?.status === "unavailable" || (health.error instanceof ApiError && health.error.unavailable)) && (
        <div className="banner" role="status">
          {t("searchUnavailable")}
        </div>
      )}
    </>
  );
}
