// Routes, providers and the page frame. Views other than Search load lazily.
import { lazy, Suspense } from "react";
import { BrowserRouter, Link, Route, Routes } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError, BASE_PATH } from "../api/client.ts";
import { Header } from "./Header.tsx";
import { LangProvider, useLang } from "./lang.tsx";
import { SearchView } from "../views/SearchView.tsx";

const ReportView = lazy(() => import("../views/ReportView.tsx"));
const KwicView = lazy(() => import("../views/KwicView.tsx"));
const AnalyticsView = lazy(() => import("../views/analytics/AnalyticsView.tsx"));
const CompareView = lazy(() => import("../views/CompareView.tsx"));
const WriteView = lazy(() => import("../views/WriteView.tsx"));
const CorpusView = lazy(() => import("../views/CorpusView.tsx"));
const MethodsView = lazy(() => import("../views/MethodsView.tsx"));
const SubcorporaView = lazy(() => import("../views/SubcorporaView.tsx"));
const HistoryView = lazy(() => import("../views/HistoryView.tsx"));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // 4xx answers won't change on retry; a 503 / network failure may
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 429) && count < 1,
    },
  },
});

function Loading() {
  const { t } = useLang();
  return <div className="view-loading">{t("loading")}</div>;
}

function NotFound() {
  const { t } = useLang();
  return (
    <p className="notice page-not-found">
      {t("pageNotFound")} <Link to="/">{t("navSearch")} ›</Link>
    </p>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <BrowserRouter basename={BASE_PATH || undefined}>
          <Header />
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<SearchView />} />
                <Route path="/report/:id" element={<ReportView />} />
                <Route path="/kwic" element={<KwicView />} />
                <Route path="/analytics" element={<AnalyticsView />} />
                <Route path="/compare" element={<CompareView />} />
                <Route path="/write" element={<WriteView />} />
                <Route path="/corpus" element={<CorpusView />} />
                <Route path="/methods" element={<MethodsView />} />
                <Route path="/subcorpora" element={<SubcorporaView />} />
                <Route path="/history" element={<HistoryView />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </main>
        </BrowserRouter>
      </LangProvider>
    </QueryClientProvider>
  );
}
