// Holds the in-memory corpus built from the store. When the store is missing or
// damaged it says which file and why, and analytics refuse to serve numbers
// (search keeps working: it lives in Meilisearch).
import { basename } from "node:path";
import { iterateStore, StoreError } from "../../core/store.ts";
import { CorpusUnavailableError } from "../../core/errors.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";

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
  private problem: string | null = "corpus store not loaded yet";
  private stats: CorpusStats | null = null;
  private termCounts: { term: string; count: number }[] = [];
  /** bumped on every reload, so caches keyed on it expire */
  generation = 0;

  constructor(
    private readonly dataDir: string,
    private readonly stopwords: string[],
  ) {}

  load(): void {
    try {
      // Streamed: only one report's token strings exist at a time; the corpus keeps ids.
      this.corpus = buildCorpus(iterateStore(this.dataDir), this.stopwords);
      this.problem = null;
      this.computeStats(this.corpus);
    } catch (e) {
      this.corpus = null;
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
