// The one rate base of every analytic: occurrences per 10,000 characters (每万字) first, per million
// word tokens (每百万词) beside it. Characters are the clean text's length as the store keeps it
// (`report.chars` = `report.text.length`, UTF-16 code units: every character, punctuation and the
// "\n" between paragraphs included — the unit of every offset and of /api/stats). Word tokens are
// jieba tokens with a letter or digit (`CorpusDoc.wordCount`), stopwords included.
export type Rates = { per10k: number; perMillion: number };

export function rates(count: number, chars: number, words: number): Rates {
  return { per10k: chars ? (count / chars) * 10_000 : 0, perMillion: words ? (count / words) * 1e6 : 0 };
}
