// The Meilisearch indexes Wenyuan keeps (reports, passages), their settings, and
// the one question the server asks about them at start (how many documents).
import type { MeiliClient } from "./client.ts";
import { MeiliApiError } from "./errors/api.ts";

export interface IndexNames {
  reports: string;
  passages: string;
}

export function indexNames(prefix = ""): IndexNames {
  return { reports: `${prefix}reports`, passages: `${prefix}passages` };
}

export const FILTERABLE = ["sector", "year", "docType", "level", "kind", "isDuplicate", "reportId", "id", "gen"];

/**
 * Text only (documents.ts: titles are not searched). No Meilisearch synonyms: a synonym set is
 * the one code the indexer writes to `syn` (query.ts), which also works in phrases, exclusions
 * and with `synonyms=false`, where Meilisearch's own synonyms cannot be switched off per query.
 */
export function indexSettings(kind: "reports" | "passages") {
  return {
    searchableAttributes: ["body", "syn"],
    displayedAttributes:
      kind === "reports"
        ? ["id", "title", "source", "chars", "sectorConfidence", "duplicateOf", "sector", "docType", "level", "kind", "isDuplicate", "year"]
        : ["id", "reportId", "title", "section", "start", "end", "sector", "docType", "level", "kind", "isDuplicate", "year"],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ["year", "chars", "title"],
    // The text is code words (codes.ts); the locale documents what they stand for.
    localizedAttributes: [{ locales: ["cmn"], attributePatterns: ["*"] }],
    // Typos and prefixes are meaningless on Chinese words and would make search
    // disagree with exact token counts: a word query matches that word only.
    typoTolerance: { enabled: false },
    prefixSearch: "disabled",
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { "*": "count" } },
  };
}

export async function documentCount(client: MeiliClient, uid: string): Promise<number | null> {
  try {
    const stats = await client.request<{ numberOfDocuments: number }>("GET", `/indexes/${uid}/stats`);
    return stats.numberOfDocuments;
  } catch (e) {
    if (e instanceof MeiliApiError && e.status === 404) return null;
    throw e;
  }
}
