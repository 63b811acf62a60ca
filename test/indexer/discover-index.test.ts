// Index-time new-word discovery (indexer/run.ts → indexer/discover.ts): a research group's corpus
// repeats 馨帮驿, a made-up word jieba (HMM off) cuts into 馨 | 帮 | 驿. A fresh index finds it,
// writes it to the data folder's dictionary.discovered.txt, and the index, search and the
// concordance count it as one word; adding a file keeps the file as it is; a reviewer's
// `# not a word:` line takes it out again. Expected counts are string searches over the texts.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCOVERED_FILE, loadResources, segmentationDictionary } from "../../core/resources.ts";
import { readStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { getJson, ROOT, startApp, type TestApp } from "../helpers/app.ts";

const WORD = "馨帮驿";
const resources = loadResources(ROOT);

const REPORTS: Record<string, string> = {
  "lab-a-2023.txt": [
    "市机械厂工会2023年工作总结",
    "一年来，厂工会以馨帮驿为阵地，把服务送到车间一线。",
    "一、建强阵地。新建馨帮驿三处，馨帮驿每周开放五天，接待职工咨询四百余人次。",
    "二、办好实事。依托馨帮驿开展法律咨询和心理疏导，协助困难职工解决子女入学问题。",
  ].join("\n"),
  "lab-b-2022.txt": [
    "县人民医院工会2022年工作总结",
    "院工会坚持服务职工，在门诊楼设立馨帮驿，为医护人员提供休息和餐饮保障。",
    "夜班护士可在馨帮驿领取暖心包；全年馨帮驿服务医护人员一千二百人次。",
    "下一步，我们将总结经验，让每个科室都有自己的馨帮驿。",
  ].join("\n"),
  "lab-c-2023.txt": [
    "区教育局工会2023年工作计划",
    "今年计划在全区中小学推广馨帮驿，由校工会负责日常管理。",
    "各校要明确馨帮驿联络员，落实“一校一站”要求，馨帮驿台账按季度上报。",
    "教职工对馨帮驿的意见建议，及时收集整理，限期答复。",
  ].join("\n"),
};
const ADDED = [
  "镇政府机关工会2023年工作总结",
  "机关工会整合活动室，建成馨帮驿一处，开展读书分享和健康讲座。",
  "全年通过馨帮驿收集职工建议二十条，均已办结。",
].join("\n");

let app: TestApp;
let corpusDir: string;
const discoveredPath = () => join(app.dataDir, DISCOVERED_FILE);
const canonical = () => readStore(app.dataDir).entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null);
const occurrences = (text: string, s: string) => text.split(s).length - 1;

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), "wenyuan-test-discover-"));
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(corpusDir, name), text);
  app = await startApp({ corpus: corpusDir });
});
afterAll(async () => {
  await app?.stop();
  rmSync(corpusDir, { recursive: true, force: true });
});

describe("new-word discovery at index time", () => {
  it("a fresh index finds the corpus's word and writes it, with its evidence, to the data folder", () => {
    // the curated dictionary alone cuts it into characters
    expect(createSegmenter("node-rs", resources.dictionary).cut(WORD)).toEqual(["馨", "帮", "驿"]);
    expect(app.indexed.mode).toBe("rebuild");
    const file = readFileSync(discoveredPath(), "utf8");
    const line = file.split("\n").find((l) => l.startsWith(`${WORD} `));
    const total = Object.values(REPORTS).reduce((n, t) => n + occurrences(t, WORD), 0);
    expect(line).toMatch(new RegExp(`^${WORD} \\d+ n # ${total} times in 3 reports, PMI [\\d.]+, left [\\d.]+ right [\\d.]+ bits$`));
    // every segmenter built from the shared loader now keeps it whole
    expect(createSegmenter("node-rs", segmentationDictionary(resources.dictionary, app.dataDir)).cut(`建成${WORD}一处`)).toEqual(["建成", WORD, "一处"]);
  });

  it("the index, search and the concordance count it as one word", async () => {
    const entries = canonical();
    let inTexts = 0;
    let asTokens = 0;
    for (const e of entries) {
      inTexts += occurrences(e.report.text, WORD);
      asTokens += e.tokens.filter((t) => t === WORD).length;
    }
    expect(inTexts).toBeGreaterThanOrEqual(10);
    expect(asTokens).toBe(inTexts);
    const kwic = await getJson<{ total: number; lines: { match: string }[] }>(app.url, `/api/kwic?term=${encodeURIComponent(WORD)}`);
    expect(kwic.body.total).toBe(inTexts);
    expect(kwic.body.lines.every((l) => l.match === WORD)).toBe(true);
    const search = await getJson<{ total: number }>(app.url, `/api/search?q=${encodeURIComponent(WORD)}`);
    expect(search.body.total).toBe(entries.filter((e) => e.report.text.includes(WORD)).length);
    // 帮 as a word occurs only outside the word: inside 馨帮驿 it is no longer a token of its own
    const alone = entries.reduce((n, e) => n + occurrences(e.report.text.replaceAll(WORD, ""), "帮"), 0);
    const bang = await getJson<{ total: number }>(app.url, `/api/kwic?term=${encodeURIComponent("帮")}`);
    expect(bang.body.total).toBe(alone);
    expect(alone).toBeLessThan(entries.reduce((n, e) => n + occurrences(e.report.text, "帮"), 0));
  });

  it("adding a file is incremental: the discovered file stays as it is and the new file cuts the word whole", async () => {
    const before = readFileSync(discoveredPath(), "utf8");
    writeFileSync(join(app.corpusDir, "lab-d-2023.txt"), ADDED);
    const summary = await app.reindex();
    expect(summary.mode).toBe("incremental");
    expect(summary.added).toEqual(["lab-d-2023.txt"]);
    expect(readFileSync(discoveredPath(), "utf8")).toBe(before);
    const added = canonical().find((e) => e.report.source === "lab-d-2023.txt")!;
    expect(added.tokens.filter((t) => t === WORD).length).toBe(occurrences(ADDED, WORD));
    const kwic = await getJson<{ total: number }>(app.url, `/api/kwic?term=${encodeURIComponent(WORD)}`);
    expect(kwic.body.total).toBe(canonical().reduce((n, e) => n + occurrences(e.report.text, WORD), 0));
  });

  it("a reviewer's '# not a word:' line re-segments the corpus without it, and it stays out on rediscovery", async () => {
    appendFileSync(discoveredPath(), `# not a word: ${WORD}\n`);
    const summary = await app.reindex();
    expect(summary.mode).toBe("rebuild");
    const file = readFileSync(discoveredPath(), "utf8");
    expect(file).toContain(`# not a word: ${WORD}`);
    expect(file.split("\n").some((l) => l.startsWith(`${WORD} `))).toBe(false);
    expect(canonical().every((e) => !e.tokens.includes(WORD))).toBe(true);
    // the query side follows the store it loaded: the word matches where its characters are adjacent
    const kwic = await getJson<{ total: number }>(app.url, `/api/kwic?term=${encodeURIComponent("帮")}`);
    expect(kwic.body.total).toBe(canonical().reduce((n, e) => n + occurrences(e.report.text, "帮"), 0));
    expect((await app.reindex({ rediscover: true })).mode).toBe("rebuild");
    expect(readFileSync(discoveredPath(), "utf8").split("\n").some((l) => l.startsWith(`${WORD} `))).toBe(false);
  });
});
