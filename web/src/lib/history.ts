// The browser's query history, kept in localStorage: one entry per distinct URL a view ran (the
// view, its path and parameters, its headline count then, when), newest first, at most
// HISTORY_MAX (the history page says so). Framework-free; hooks/useHistory.ts wraps it for React.
import { SAVED_VIEWS, type SavedView } from "../../../core/api/schema.ts";

export const HISTORY_KEY = "wenyuan.history.v1";
export const HISTORY_MAX = 500;

export interface HistoryEntry {
  view: SavedView;
  /** path and parameters, as the router opens it: /kwic?term=职代会 */
  url: string;
  count: number;
  /** ISO time of the last run */
  at: string;
}

/** Parameters that do not change what a query asks: the page shown and a forced language. */
const NOT_THE_QUERY = ["page", "lang"];

/** The URL a history entry or a saved query keeps for a view's address: its path, its parameters without page and lang. */
export function queryUrl(pathname: string, search: string): string {
  const p = new URLSearchParams(search);
  for (const k of NOT_THE_QUERY) p.delete(k);
  const qs = p.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

const isEntry = (x: unknown): x is HistoryEntry => {
  const e = x as Partial<HistoryEntry> | null;
  return typeof e === "object" && e !== null && (SAVED_VIEWS as readonly string[]).includes(e.view as string) && typeof e.url === "string" && typeof e.count === "number" && typeof e.at === "string";
};

export function readHistory(storage: Storage = window.localStorage): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function write(entries: HistoryEntry[], storage: Storage): void {
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(entries));
  } catch {
    // storage full or blocked: the history stays as it was
  }
}

/** Puts `entry` first; an older entry of the same URL is replaced by it. Returns the new list. */
export function recordQuery(entry: HistoryEntry, storage: Storage = window.localStorage): HistoryEntry[] {
  const next = [entry, ...readHistory(storage).filter((e) => e.url !== entry.url)].slice(0, HISTORY_MAX);
  write(next, storage);
  return next;
}

export function removeQuery(url: string, storage: Storage = window.localStorage): HistoryEntry[] {
  const next = readHistory(storage).filter((e) => e.url !== url);
  write(next, storage);
  return next;
}

export function clearHistory(storage: Storage = window.localStorage): void {
  write([], storage);
}
