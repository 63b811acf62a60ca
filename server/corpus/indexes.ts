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
  readonly #passages = new Map<Report, PassageSpan[]>();
  readonly #folded = new Map<Report, string>();

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

  /** The report's passages, as indexed in Meilisearch; computed once per report. */
  passageSpans(r: Report): PassageSpan[] {
    let spans = this.#passages.get(r);
    if (!spans) this.#passages.set(r, (spans = passageSpans(r)));
    return spans;
  }

  /**
   * The report's text folded to simplified characters (core/fold.ts; same offsets), what substring
   * scans read. Only texts that folding changes are kept: the image decodes a text when read and
   * keeps a few (core/image/attach.ts); holding every folded copy here would hold the whole corpus
   * as strings in every worker (issue 13).
   */
  foldedText(r: Report): string {
    const kept = this.#folded.get(r);
    if (kept !== undefined) return kept;
    const text = r.text;
    const folded = fold(text);
    if (folded !== text) this.#folded.set(r, folded);
    return folded;
  }

  /** Builds what the first substring search would otherwise build (~1 s at 20k reports). */
  prepareSubstringSearch(): void {
    void this.byteCosts;
  }
}
