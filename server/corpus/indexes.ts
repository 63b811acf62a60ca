// What the server derives from one Corpus and keeps while that corpus is loaded: the token
// classes, the term → report postings (kwic, breakdown, substring search), the sentence index
// (similar), the byte costs of substring search, the passages of reports. Created with the corpus
// by CorpusHolder and dropped with it on reload, so nothing derived outlives the corpus it
// describes. Each is built on first use, except what `prepareSubstringSearch` builds at load.
// Analytics do not see this object's lifetime: they take the pieces they need as arguments.
import { passageSpans, type PassageSpan } from "../../core/documents.ts";
import { fold } from "../../core/fold.ts";
import type { Report } from "../../core/model.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { docPostings, type DocPostings } from "../analytics/shared/docPostings.ts";
import { sentenceIndex, type SentenceIndex } from "../analytics/shared/sentenceIndex.ts";
import { tokenClasses } from "../analytics/shared/tokenClasses.ts";
import { byteCosts } from "../search/substring.ts";
import { recentlyRead } from "../../core/recent.ts";

/** reports whose passages and folded text a thread keeps */
const PASSAGE_CACHE = 256;

/** Indexes read from a corpus image instead of built (server/corpus/image.ts stores them). */
export interface PrebuiltIndexes {
  docPostings: Omit<DocPostings, "docIndex">;
  sentenceIndex: Omit<SentenceIndex, "docIndex">;
  byteCosts: Float64Array;
}

export class CorpusIndexes {
  #tokenClasses: Uint8Array | null = null;
  #docPostings: DocPostings | null = null;
  #sentenceIndex: SentenceIndex | null = null;
  #byteCosts: Float64Array | null = null;
  // Only for the reports read lately (core/recent.ts): kept for every report, they held every
  // report's lists in every thread after one passage-mode scan (issue 13).
  readonly #passages = recentlyRead(PASSAGE_CACHE, passageSpans);
  readonly #folded = recentlyRead(PASSAGE_CACHE, (r: Report) => fold(r.text));

  constructor(
    readonly corpus: Corpus,
    prebuilt?: PrebuiltIndexes,
  ) {
    if (prebuilt) {
      const docIndex = new Map(corpus.docs.map((d, k) => [d, k]));
      this.#docPostings = { ...prebuilt.docPostings, docIndex };
      this.#sentenceIndex = { ...prebuilt.sentenceIndex, docIndex };
      this.#byteCosts = prebuilt.byteCosts;
    }
  }

  /** per vocab id: WORD, SPACE, SENTENCE_END … flags (O(vocab)) */
  get tokenClasses(): Uint8Array {
    return (this.#tokenClasses ??= tokenClasses(this.corpus));
  }

  /** per vocab id: the reports holding it and how often (two passes over every token; ~1 s at 20k reports) */
  get docPostings(): DocPostings {
    return (this.#docPostings ??= docPostings(this.corpus));
  }

  /** sentence-level postings and TF-IDF norms, for `similar` */
  get sentenceIndex(): SentenceIndex {
    return (this.#sentenceIndex ??= sentenceIndex(this.corpus, this.tokenClasses));
  }

  /** how often the corpus's UTF-16 code units hold each byte: where substring search starts reading */
  get byteCosts(): Float64Array {
    return (this.#byteCosts ??= byteCosts(this.corpus, this.docPostings));
  }

  /** The report's passages, as indexed in Meilisearch. */
  passageSpans(r: Report): PassageSpan[] {
    return this.#passages(r);
  }

  /** The report's text folded to simplified characters (core/fold.ts; same offsets), what substring scans read. */
  foldedText(r: Report): string {
    return this.#folded(r);
  }

  /** Builds what the first substring search would otherwise build (~1 s at 20k reports). */
  prepareSubstringSearch(): void {
    void this.byteCosts;
  }
}
