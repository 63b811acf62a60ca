// New-word discovery (core/text/discover.ts, indexer/discover.ts) on the bundled corpus: it finds
// the corpus's words that the dictionaries cut into characters (师德, 我局, 一是), with counts a
// recount over the texts confirms; with them in corpus/dict.txt the index, the query parser and
// the concordance cut them whole and the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTerm } from "../../core/query.ts";
import { loadResources } from "../../core/resources.ts";
import { readStore } from "../../core/store.ts";
import { discoverWords } from "../../core/text/discover.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { DISCOVERED_MARKER, rejectedWords, withDiscovered } from "../../indexer/discover.ts";
import { getJson, ROOT, seedApp, type TestApp } from "../helpers/app.ts";

const resources = loadResources(ROOT);
const curated = resources.dictionary.slice(0, resources.dictionary.indexOf(DISCOVERED_MARKER));
const WORDS = ["师德", "我局", "一是"];

let app: TestApp;
let entries: { text: string; tokens: string[] }[];
beforeAll(async () => {
  app = await seedApp();
  entries = readStore(app.dataDir)
    .entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null)
    .map((e) => ({ text: e.report.text, tokens: e.tokens }));
});
afterAll(() => app?.stop());

const occurrences = (w: string) => entries.reduce((n, e) => n + e.text.split(w).length - 1, 0);

describe("new-word discovery", () => {
  it("finds 师德, 我局 and 一是 with the curated dictionary alone, counted as the texts count them", () => {
    const before = createSegmenter("node-rs", curated);
    for (const w of WORDS) expect(before.cut(w).length, w).toBe(2); // split into characters without discovery
    const found = discoverWords(
      entries.map((e) => e.text),
      (t) => before.cut(t),
    );
    for (const w of WORDS) {
      const f = found.find((x) => x.word === w);
      expect(f, w).toBeDefined();
      expect(f!.freq, w).toBe(occurrences(w));
      expect(f!.docs, w).toBe(entries.filter((e) => e.text.includes(w)).length);
    }
    // nothing found is already a dictionary word or a fragment the reviewer rejected in corpus/dict.txt
    for (const f of found) expect(before.cut(f.word).every((t) => [...t].length === 1)).toBe(true);
    const written = withDiscovered(resources.dictionary, found);
    for (const r of rejectedWords(resources.dictionary)) expect(written).not.toMatch(new RegExp(`^${r} `, "m"));
    expect(withDiscovered(written, found)).toBe(written); // rewriting the section is idempotent
  });

  it("with the discovered words in corpus/dict.txt, the index and the query cut them whole and alike", async () => {
    const project = createSegmenter("node-rs", resources.dictionary);
    for (const w of WORDS) {
      expect(project.cut(w), w).toEqual([w]);
      expect(parseTerm(w, project, resources.synonyms, { synonyms: false })!.alternatives, w).toEqual([[w]]);
      // no occurrence in the texts is cut apart: no token boundary falls inside one (it is a token,
      // or inside a longer dictionary word such as 师德师风)
      let cut = 0;
      for (const e of entries) {
        const bounds = new Set<number>();
        let at = 0;
        for (const t of e.tokens) bounds.add((at += t.length));
        for (let i = e.text.indexOf(w); i >= 0; i = e.text.indexOf(w, i + 1)) for (let k = 1; k < w.length; k++) if (bounds.has(i + k)) cut++;
      }
      expect(cut, w).toBe(0);
      const tokens = entries.reduce((n, e) => n + e.tokens.filter((t) => t === w).length, 0);
      expect(tokens, w).toBeGreaterThan(0);
      const kwic = await getJson<{ total: number }>(app.url, `/api/kwic?perPage=1&synonyms=false&term=${encodeURIComponent(w)}`);
      expect(kwic.body.total, w).toBe(tokens);
    }
    // in a sentence too: query and text tokens agree
    expect(project.cut("一是加强师德建设，我局工会")).toEqual(["一是", "加强", "师德", "建设", "，", "我局", "工会"]);
  });
});
