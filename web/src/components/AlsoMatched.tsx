// What the query matched besides what was typed (synonyms), and the switch that turns synonyms
// off: every view shows the same line, because every view answers the same query (core/query.ts).
import type { QueryPart } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";

/** Without `onSynonyms` (a theme's terms, which take no synonyms) there is no switch. */
export function AlsoMatched({ matched, synonyms, onSynonyms }: { matched: readonly QueryPart[] | undefined; synonyms: boolean; onSynonyms?: (on: boolean) => void }) {
  const { t } = useLang();
  const widened = (matched ?? []).filter((p) => p.matches.length > 1);
  if (!widened.length && synonyms) return null;
  return (
    <p className="also-matched notice" title={t("synonymsHint")}>
      {widened.map((p) => (
        <span key={`${p.role}:${p.negated}:${p.text}`} className="also-matched-part">
          {t("alsoMatched", { word: `${p.negated ? "-" : ""}${p.text}`, others: p.matches.slice(1).join("、") })}
        </span>
      ))}{" "}
      {onSynonyms && (
        <button type="button" className="link-button" onClick={() => onSynonyms(!synonyms)}>
          {synonyms ? t("synonymsOff") : t("synonymsOn")}
        </button>
      )}
    </p>
  );
}
