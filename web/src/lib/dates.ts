// The UI's one time formatter: a moment (an ISO string or epoch ms) in the UI's language —
// 2026年12月7日 20:59 in 中文, Dec 7, 2026, 8:59 PM in English — never the browser's own locale,
// which put "12/7/2026, 8:59:06 PM" into the Chinese UI.
import type { Lang } from "../app/i18n.ts";

const formats = new Map<Lang, Intl.DateTimeFormat>();

export function formatTime(at: string | number | Date, lang: Lang): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return "";
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short" })));
  return f.format(d);
}
