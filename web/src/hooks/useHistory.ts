// The one place views record what they ran: `useRecordQuery(view, count)` after the view's request
// answered (count undefined until then, and when nothing was asked), once per distinct URL; and the
// history list for the history page, which follows every change (this tab's and other tabs').
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { useLocation } from "react-router";
import type { SavedView } from "../../../core/api/schema.ts";
import { clearHistory, HISTORY_KEY, queryUrl, readHistory, recordQuery, removeQuery, type HistoryEntry } from "../lib/history.ts";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
let snapshot: HistoryEntry[] | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== HISTORY_KEY) return;
    snapshot = null;
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

const getSnapshot = () => (snapshot ??= readHistory());

const change = (next: HistoryEntry[]) => {
  snapshot = next;
  notify();
};

/** Records the view's query once its answer is in: `count` is the view's headline count (undefined: nothing to record yet). */
export function useRecordQuery(view: SavedView, count: number | undefined): void {
  const { pathname, search } = useLocation();
  const url = queryUrl(pathname, search);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (count === undefined || last.current === url) return;
    last.current = url;
    change(recordQuery({ view, url, count, at: new Date().toISOString() }));
  }, [view, url, count]);
}

export function useHistory() {
  const entries = useSyncExternalStore(subscribe, getSnapshot);
  const remove = useCallback((url: string) => change(removeQuery(url)), []);
  const clear = useCallback(() => {
    clearHistory();
    change([]);
  }, []);
  return { entries, remove, clear };
}
