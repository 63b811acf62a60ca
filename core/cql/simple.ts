// Simple mode: what a user types without knowing CQL, translated to CQL (shown back to them).
//   开展*活动   → "开展" [] "活动"        * is any one token
//   以…为抓手   → "以" []{0,8} "为抓手"   … (or ...) is a gap of up to SIMPLE_GAP tokens
//   开展 活动   → "开展" "活动"           spaces separate adjacent tokens
// A query holding " ' “ or [ is CQL already and is left as it is.

export const SIMPLE_GAP = 8;

export function isCql(source: string): boolean {
  return /["'“[]/.test(source);
}

export function simpleToCql(source: string): string {
  const out: string[] = [];
  for (const part of source.trim().split(/(\*|＊|…+|\.{3,}|\s+)/)) {
    if (!part || /^\s+$/.test(part)) continue;
    if (part === "*" || part === "＊") out.push("[]");
    else if (/^(…+|\.{3,})$/.test(part)) out.push(`[]{0,${SIMPLE_GAP}}`);
    else out.push(`"${part.replace(/["\\]/g, "\\$&")}"`);
  }
  return out.join(" ");
}

/** The CQL a query stands for: itself when it is CQL, else its simple-mode translation. */
export function asCql(source: string): string {
  return isCql(source) ? source.trim() : simpleToCql(source);
}
