// Hostile files next to good ones, indexed by the real `npm run index` CLI: it
// exits 0, indexes every good file, names every skipped file with its reason,
// and the decodable ones are searchable with their correct text. The CLI always
// writes the unprefixed `reports`/`passages` indexes, so this suite runs its own
// Meilisearch (the shared one belongs to the other suites).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../core/config.ts";
import { meiliClient } from "../../core/meili/client.ts";
import type { RunningMeili } from "../../core/meili/process.ts";
import { start, type Started } from "../../server/start.ts";
import { buildReports } from "../../indexer/pipeline.ts";
import { listFiles, readFile } from "../../indexer/read.ts";
import { readStore } from "../../core/store.ts";
import { FIXTURE_CORPUS, ROOT, getJson } from "../helpers/app.ts";
import { docx, pdf, zipBomb } from "../indexer/helpers/files.ts";
import { printable } from "../../core/text/printable.ts";
import { privateMeili, runIndexCli, seedParagraphs, type CliResult } from "./helpers.ts";

const KEY = "wenyuan-test-master-key-bad-input";
const tmp = mkdtempSync(join(tmpdir(), "wenyuan-test-badinput-"));
const corpus = join(tmp, "corpus");
const dataDir = join(tmp, "data");
let meili: RunningMeili;
let app: Started;
let cli: CliResult;

const paras = seedParagraphs();
/** A report of its own: title, three seed paragraphs no other file uses, and a sentence to find it by. */
const report = (n: number, title: string, sentence: string) => [title, ...paras.slice(n * 3, n * 3 + 3), sentence].join("\n\n");

// Each decodable file: [name, the sentence it must be found with (a whole clause, so jieba cuts
// it the same in the query as in the text), the phrase to search].
const DECODABLE: { file: string; sentence: string; phrase: string }[] = [
  { file: "gbk.txt", sentence: "国标编码的职工书屋新增图书三千册。", phrase: "职工书屋新增图书三千册" },
  { file: "gb18030.txt", sentence: "扩展编码的女职工关爱室配备了冰箱，𠮷字也在。", phrase: "女职工关爱室配备了冰箱" },
  { file: "utf16le.txt", sentence: "小端编码的困难职工帮扶台账已经更新。", phrase: "困难职工帮扶台账已经更新" },
  { file: "utf16be.txt", sentence: "大端编码的劳动竞赛评比圆满结束。", phrase: "劳动竞赛评比圆满结束" },
  { file: "utf8bom.txt", sentence: "带签名的职工代表提案全部办结。", phrase: "职工代表提案全部办结" },
  { file: "scarred.txt", sentence: "损坏字节之后的夏季送清凉活动照常开展。", phrase: "夏季送清凉活动照常开展" },
  { file: "page.html", sentence: "网页中的工会会员普惠服务持续推进。", phrase: "工会会员普惠服务持续推进" },
  { file: "report.docx", sentence: "文档中的职工技能培训覆盖全体员工。", phrase: "职工技能培训覆盖全体员工" },
  { file: "report.pdf", sentence: "扫描件中的劳模创新工作室成果丰硕", phrase: "劳模创新工作室成果丰硕" },
  { file: "职工之家 建设 报告 2023.txt", sentence: "文件名带空格的职工之家建设通过验收。", phrase: "职工之家建设通过验收" },
];
const GOOD_COPIES = ["hospital-2022.txt", "school-2022.txt"];
// The 20 MB single line: a report opening, a pasted data-URI image, a closing sentence.
const HUGE = { file: "huge-one-line.txt", head: "超长单行的开头写明职工疗休养安排。", tail: "。超长单行的结尾写明工会经费审计结果。" };
/** A name that would clear the terminal and print a fake summary line if echoed raw. */
const HOSTILE_NAME = "\u001b[2Jevil\n      fake.txt — indexed.txt";
const SKIPPED: Record<string, RegExp> = {
  "empty.txt": /^empty file$/,
  "blank.txt": /^empty file$/,
  "image.txt": /^binary file \(PNG image\)$/,
  loop: /^symlink loop$/,
  "cycle.txt": /^symlink loop$/,
  "vanished.txt": /^broken symlink$/,
  // 1 KB per expanded MB, headers claiming 1 KB: measured while unpacking, refused at 64 MB
  "bomb.docx": /^unreadable \.docx: expands to more than 64 MB when unpacked/,
  "outside.txt": /^symlink points outside the folder being indexed$/,
  // printed with its control characters escaped (below), never raw
  [HOSTILE_NAME]: /^empty file$/,
};

function writeCorpus(): void {
  mkdirSync(corpus, { recursive: true });
  for (const f of GOOD_COPIES) writeFileSync(join(corpus, f), readFileSync(join(FIXTURE_CORPUS, f)));
  const text = (i: number) => report(i, `第${i}个测试单位工会2023年工作报告`, DECODABLE[i].sentence);
  writeFileSync(join(corpus, "gbk.txt"), iconv.encode(text(0), "gbk"));
  writeFileSync(join(corpus, "gb18030.txt"), iconv.encode(text(1), "gb18030"));
  writeFileSync(join(corpus, "utf16le.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text(2), "utf16le")]));
  writeFileSync(join(corpus, "utf16be.txt"), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text(3), "utf16-be")]));
  writeFileSync(join(corpus, "utf8bom.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(4))]));
  // Two invalid bytes in the middle of a UTF-8 report, between two paragraphs.
  const scarred = Buffer.from(text(5));
  const mid = scarred.indexOf(Buffer.from("\n\n", "utf8"), scarred.length / 3);
  writeFileSync(join(corpus, "scarred.txt"), Buffer.concat([scarred.subarray(0, mid), Buffer.from([0xff, 0xc3]), scarred.subarray(mid)]));
  const [title6, ...body6] = text(6).split("\n\n");
  writeFileSync(
    join(corpus, "page.html"),
    `<!doctype html><html><head><title>${title6}</title><style>p{color:red} .x::after{content:"样式里的字"}</style><script>window.__fromScript = "脚本里的字";</script></head>` +
      `<body><h1>${title6}</h1>${body6.map((p) => `<p>${p}</p>`).join("")}<script>document.write("脚本里的字")</script></body></html>`,
  );
  writeFileSync(join(corpus, "report.docx"), docx(text(7).split("\n\n")));
  // The PDF's text layer has one line per paragraph; keep lines short enough to fit a page.
  writeFileSync(join(corpus, "report.pdf"), pdf([`第8个测试单位工会2023年工作计划`, "一、加强职代会建设", DECODABLE[8].sentence]));
  writeFileSync(join(corpus, DECODABLE[9].file), text(9));

  writeFileSync(join(corpus, "empty.txt"), "");
  writeFileSync(join(corpus, "blank.txt"), " \n\t\r\n\u3000 \n\n");
  writeFileSync(join(corpus, "image.txt"), Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
  // The blob is one unbroken base64 run, so it is a single (cheap) word for Meilisearch; what a
  // 20 MB line of prose costs the pure stages is tested below without Meilisearch.
  let line = HUGE.head + "职工之家图片：data:image/png;base64,";
  const blob = Buffer.alloc(3 * 1024 * 1024, "工会").toString("base64"); // 4 MB of base64
  while (Buffer.byteLength(line) < 20 * 1024 * 1024) line += blob;
  writeFileSync(join(corpus, HUGE.file), line + HUGE.tail);
  writeFileSync(join(corpus, "bomb.docx"), zipBomb(300 * 1024 * 1024));
  writeFileSync(join(tmp, "secret.txt"), report(9, "不该被读到的文件", "语料目录之外的秘密句子不应出现。"));
  symlinkSync(join(tmp, "secret.txt"), join(corpus, "outside.txt"));
  writeFileSync(join(corpus, HOSTILE_NAME), "");
  symlinkSync(".", join(corpus, "loop")); // a folder that contains itself
  symlinkSync("cycle.txt", join(corpus, "cycle.txt")); // a link to itself
  // A file removed between listing and reading is a race; a link whose target was deleted
  // after it was created is the honest stand-in at listing time (the reading side is tested
  // on its own below).
  writeFileSync(join(tmp, "soon-gone.txt"), text(9));
  symlinkSync(join(tmp, "soon-gone.txt"), join(corpus, "vanished.txt"));
  unlinkSync(join(tmp, "soon-gone.txt"));
}

beforeAll(async () => {
  writeCorpus();
  meili = await privateMeili(join(tmp, "meili"), KEY);
  cli = await runIndexCli({ dataDir, corpusDir: corpus, meiliUrl: meili.url, masterKey: KEY }).done;
  const config = resolveConfig({ PORT: "0", WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: corpus, MEILI_URL: meili.url, MEILI_MASTER_KEY: KEY }, ROOT);
  app = await start({ config, connection: { url: meili.url, master: meiliClient(meili.url, KEY, "master"), owned: false, pid: meili.pid, close: async () => {} }, log: () => {}, webDir: null });
}, 240_000);

afterAll(async () => {
  await app?.close();
  await meili?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("indexing a folder of hostile files", () => {
  it("exits 0 and lists every skipped file with its reason", () => {
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    const block = cli.stdout.split("\n");
    const skippedLine = block.find((l) => /^\s+files skipped\s/.test(l));
    expect(skippedLine).toMatch(new RegExp(`files skipped\\s+${Object.keys(SKIPPED).length}$`));
    const listed = new Map(
      block
        .map((l) => /^ {6}(.+) — (.+)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    // names are printed with control characters escaped: no raw escape sequence, no fake line
    for (const [file, reason] of Object.entries(SKIPPED)) expect(listed.get(printable(file)), `${file}\n${cli.stdout}`).toMatch(reason);
    const printed = new Set(Object.keys(SKIPPED).map(printable));
    expect([...listed.keys()].filter((k) => !printed.has(k))).toEqual([]); // warnings use the same indent; there must be none here
    expect(cli.stdout + cli.stderr).not.toContain("\u001b");
    expect(printable(HOSTILE_NAME)).toBe("\\u{1b}[2Jevil\\u{a}      fake.txt — indexed.txt");
    expect(block.find((l) => /^\s+files read\s/.test(l))).toMatch(new RegExp(`files read\\s+${GOOD_COPIES.length + DECODABLE.length + 1}$`));
  });

  it("indexes every good file (corpus store and Meilisearch agree)", async () => {
    const { entries } = readStore(dataDir);
    const sources = new Set(entries.map((e) => e.report.source));
    expect([...sources].sort()).toEqual([...GOOD_COPIES, ...DECODABLE.map((d) => d.file), HUGE.file].sort());
    const stats = await meiliClient(meili.url, KEY, "master").index("reports").getStats();
    expect(stats.numberOfDocuments).toBe(entries.length);
  });

  it.each(DECODABLE)("finds $file by its text, and shows that text correctly", async ({ file, sentence, phrase }) => {
    const res = await getJson<{ hits: { reportId: string; source: string }[] }>(app.url, `/api/search?q=${encodeURIComponent(`"${phrase}"`)}&includeDuplicates=true`);
    expect(res.status).toBe(200);
    expect(res.body.hits.map((h) => h.source)).toEqual([file]);
    const doc = await getJson<{ text: string; source: string }>(app.url, `/api/reports/${res.body.hits[0].reportId}`);
    expect(doc.status).toBe(200);
    expect(doc.body.source).toBe(file);
    expect(doc.body.text).toContain(sentence.replace(/。$/, ""));
    expect(doc.body.text).not.toContain("\ufffd");
  });

  it("never reads through a symlink that leads outside the corpus folder", async () => {
    const res = await getJson<{ total: number }>(app.url, `/api/search?match=substring&q=${encodeURIComponent("语料目录之外的秘密句子")}&includeDuplicates=true`);
    expect(res.body.total).toBe(0);
  });

  it("keeps the text of HTML and drops its scripts and styles", async () => {
    const { entries } = readStore(dataDir);
    const html = entries.find((e) => e.report.source === "page.html")!.report.text;
    expect(html).not.toMatch(/脚本里的字|样式里的字|__fromScript|color:red/);
  });

  it("indexes the 20 MB single-line file whole: both of its ends are searchable", async () => {
    for (const phrase of ["开头写明职工疗休养安排", "结尾写明工会经费审计结果"]) {
      const res = await getJson<{ hits: { source: string }[] }>(app.url, `/api/search?q=${encodeURIComponent(`"${phrase}"`)}&includeDuplicates=true`);
      expect(res.status, phrase).toBe(200);
      expect(res.body.hits.map((h) => h.source), phrase).toEqual([HUGE.file]);
    }
  });
});

describe("a file removed between listing and reading", () => {
  it("is reported as gone, not thrown", async () => {
    const dir = join(tmp, "race");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.txt"), "县总工会2022年工作总结\n\n一年来，全县工会组织开展送温暖活动。");
    const listed = await listFiles([dir], dir);
    expect(listed.files).toHaveLength(1);
    rmSync(join(dir, "a.txt"));
    expect(await readFile(listed.files[0], dir)).toEqual({ ok: false, source: "a.txt", reason: expect.stringMatching(/not found|deleted/) });
  });
});

describe("a 20 MB line of Chinese prose", () => {
  // Regression: normalisePunctuation read the last character of a string grown with `+=`,
  // which flattened it every time — ~100 s for this line. Now it is linear (a few seconds).
  it("goes through clean → split → classify in bounded time, nothing dropped", () => {
    const parts: string[] = [];
    for (let i = 0, bytes = 0; bytes < 20 * 1024 * 1024; i++) {
      parts.push(paras[i % paras.length]);
      bytes += Buffer.byteLength(parts[i]);
    }
    const line = parts.join("");
    const { reports } = buildReports([{ source: "one-line.txt", parentId: "0123456789abcdef", text: line }]);
    const chars = reports.reduce((n, r) => n + r.text.length, 0);
    expect(chars).toBeGreaterThan(line.length * 0.95);
  }, 40_000);
});
