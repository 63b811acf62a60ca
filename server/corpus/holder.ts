// Holds the in-memory corpus built from the store, the indexes derived from it (CorpusIndexes)
// and the one result cache. A reload replaces the corpus and its indexes together and empties the
// cache, so nothing derived from the old corpus stays reachable. When the store is missing or
// damaged it says which file and why, and analytics refuse to serve numbers (search keeps
// working: it lives in Meilisearch).
import { basename } from "node:path";
import { iterateStore, StoreError } from "../../core/store.ts";
import { CorpusUnavailableError } from "../../core/errors.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { ResultCache } from "../cache.ts";
import { CorpusIndexes } from "./indexes.ts";

export interface CorpusStats {
  reports: number;
  excerpts: number;
  duplicates: number;
  chars: number;
  tokens: number;
  sectors: Record<string, number>;
}

export class CorpusHolder {
  private corpus: Corpus | null = null;
  private derived: CorpusIndexes | null = null;
  private problem: string | null = "corpus store not loaded yet";
  private stats: CorpusStats | null = null;
  private termCounts: { term: string; count: number }[] = [];
  /** bumped on every reload; result cache keys start with it */
  generation = 0;
  /** analytics results and substring matches; keyed on the generation, emptied on reload */
  readonly cache: ResultCache;

  constructor(
    private readonly dataDir: string,
    private readonly stopwords: string[],
    cacheBytes?: number,
  ) {
    this.cache = new ResultCache(cacheBytes);
  }

  load(): void {
    this.corpus = null;
    this.derived = null;
    this.cache.clear();
    try {
      // Streamed: only one report's token strings exist at a time; the corpus keeps ids.
      this.corpus = buildCorpus(iterateStore(this.dataDir), this.stopwords);
      this.derived = new CorpusIndexes(this.corpus);
      // At load on purpose: the first substring search needs the doc postings (~1 s at 20k reports).
      this.derived.prepareSubstringSearch();
      this.problem = null;
      this.computeStats(this.corpus);
    } catch (e) {
      this.corpus = null;
      this.derived = null;
      this.stats = null;
      this.termCounts = [];
      // Named relative to the data dir: responses carry no absolute paths of this machine.
      this.problem =
        e instanceof StoreError ? `corpus store file store/${basename(e.file)}: ${e.detail}` : `corpus store unreadable: ${String((e as Error).message).split(this.dataDir).join("<data dir>")}`;
    }
    this.generation++;
  }

  get status(): { ok: boolean; message: string | null } {
    return { ok: this.corpus !== null, message: this.problem };
  }

  /** The corpus, or a 503 that names the damaged file. */
  get(): Corpus {
    if (!this.corpus) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return this.corpus;
  }

  peek(): Corpus | null {
    return this.corpus;
  }

  /** The current corpus's derived indexes, or the same 503 as get(). */
  indexes(): CorpusIndexes {
    if (!this.derived) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return this.derived;
  }

  getStats(): CorpusStats {
    if (!this.stats) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return this.stats;
  }

  /** Corpus words by frequency, for completion. */
  vocabulary(): { term: string; count: number }[] {
    return this.termCounts;
  }

  private computeStats(c: Corpus): void {
    const s: CorpusStats = { reports: 0, excerpts: 0, duplicates: 0, chars: 0, tokens: 0, sectors: {} };
    const counts = new Uint32Array(c.vocab.length);
    for (const d of c.docs) {
      const r = d.report;
      if (r.kind === "excerpt") {
        s.excerpts++;
        continue;
      }
      if (r.duplicateOf) {
        s.duplicates++;
        continue;
      }
      s.reports++;
      s.chars += r.chars;
      s.tokens += d.wordCount;
      s.sectors[r.sector] = (s.sectors[r.sector] ?? 0) + 1;
      for (const id of d.tokenIds) counts[id]++;
    }
    this.stats = s;
    const terms: { term: string; count: number }[] = [];
    for (let id = 0; id < counts.length; id++) if (counts[id] > 0 && c.isWord[id]) terms.push({ term: c.vocab[id], count: counts[id] });
    this.termCounts = terms.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
  }
}
