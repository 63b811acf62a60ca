// The corpus page walked as a researcher would, in Debian's Chromium: upload two files and watch
// the progress, find them in search, correct one's sector and see the facet counts change, remove
// the other, restart the server, and see everything as it was left. Screenshots in test/artifacts/.
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { getJson, ROOT, startApp, type TestApp } from "../helpers/app.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");

let app: TestApp;
let browser: Browser;
let page: Page;
const files = mkdtempSync(join(tmpdir(), "wenyuan-test-uploads-"));

const report = (unit: string) =>
  [
    `${unit}工会2023年工作总结`,
    `一年来，${unit}工会组织职工开展读书分享会十二场，建成职工书屋两处。`,
    "二、关心职工生活。开展夏季送清凉活动，为一线职工发放防暑用品，组织青年职工联谊活动三次。",
    "三、加强自身建设。完善会员实名制管理，新发展会员四十六人，经费收支做到公开透明。",
  ].join("\n");

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // one UTF-8, one GB18030: what researchers' files are
  writeFileSync(join(files, "星河化工厂.txt"), report("星河化工厂"));
  writeFileSync(join(files, "明湖县供电局.txt"), iconv.encode(report("明湖县供电局"), "gb18030"));
  app = await startApp();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
/** The enterprise count in the search page's sector facet, as shown. */
const enterpriseFacet = async () => Number((await page.locator('input[data-facet="sector"][value="enterprise"]').locator("xpath=..").locator(".facet-count").innerText()) || 0);
const searchFor = async (q: string) => (await getJson<{ total: number; hits: { reportId: string; sector: string }[] }>(app.url, `/api/search?q=${encodeURIComponent(q)}`)).body;

it("upload two files, find them, correct one, remove the other, restart: the state is kept", async () => {
  await page.goto(`${app.url}/corpus`);
  await page.waitForSelector("table.sources tbody tr");
  await page.locator('[data-testid="upload-input"]').setInputFiles([join(files, "星河化工厂.txt"), join(files, "明湖县供电局.txt")]);
  // the job's progress shows, then it is done
  await page.waitForSelector(".job");
  await page.waitForSelector('.job[data-job-state="done"]', { timeout: 60_000 });
  await page.waitForSelector('tr[data-source="sources/明湖县供电局.txt"][data-status="indexed"]');
  await shot("corpus-uploaded");

  // searchable, in the browser too
  await page.goto(`${app.url}/?q=${encodeURIComponent("明湖县供电局")}`);
  await page.waitForSelector("article.hit");
  expect(await page.locator("article.hit").count()).toBe(1);
  const bureau = (await searchFor("明湖县供电局")).hits[0];
  expect((await searchFor("星河化工厂")).total).toBe(1);

  // correct the bureau's sector to enterprise: the search facet count follows
  await page.goto(`${app.url}/?q=${encodeURIComponent("职工书屋")}`);
  await page.waitForSelector('input[data-facet="sector"][value="enterprise"]');
  const before = await enterpriseFacet();
  await page.goto(`${app.url}/corpus`);
  const row = page.locator(`tr[data-report-id="${bureau.reportId}"]`);
  // the report table is paged by title; find the row
  await page.waitForSelector("table.metadata tbody tr");
  for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
    await page.locator(".pagination button").last().click();
    await page.waitForTimeout(300);
  }
  await row.locator('select[aria-label="行业"]').selectOption("enterprise");
  await row.getByText("已保存").waitFor();
  await shot("corpus-corrected");
  await page.goto(`${app.url}/?q=${encodeURIComponent("职工书屋")}`);
  await expect.poll(enterpriseFacet).toBe(before + (bureau.sector === "enterprise" ? 0 : 1));

  // remove the factory's file
  await page.goto(`${app.url}/corpus`);
  page.once("dialog", (d) => void d.accept());
  await page.locator('tr[data-source="sources/星河化工厂.txt"]').getByRole("button", { name: /删除/ }).click();
  await page.waitForSelector('.job[data-job-state="done"]');
  await expect.poll(async () => (await searchFor("星河化工厂")).total).toBe(0);

  // restart the server on the same data folder: everything as it was left
  await app.restart();
  await page.goto(`${app.url}/corpus`);
  await page.waitForSelector('tr[data-source="sources/明湖县供电局.txt"]');
  expect(await page.locator('tr[data-source="sources/星河化工厂.txt"]').count()).toBe(0);
  expect((await searchFor("明湖县供电局")).hits[0].sector).toBe("enterprise");
  expect((await searchFor("星河化工厂")).total).toBe(0);
  await shot("corpus-after-restart");
}, 180_000);

it("a folder's two files of one name are both kept, the result says so per file, and a file over 64 MB is refused by name", async () => {
  for (const [dir, unit] of [["dir1", "东岭水泥厂"], ["dir2", "西岭小学"]]) {
    mkdirSync(join(files, dir), { recursive: true });
    writeFileSync(join(files, dir, "same.txt"), report(unit));
  }
  // sparse: 64 MB + 1 byte without writing them
  const big = join(files, "超大文件.txt");
  writeFileSync(big, "");
  truncateSync(big, 64 * 1024 * 1024 + 1);
  await page.goto(`${app.url}/corpus`);
  await page.waitForSelector("table.sources tbody tr");
  await page.locator('[data-testid="upload-input"]').setInputFiles([join(files, "dir1", "same.txt"), join(files, "dir2", "same.txt"), big]);
  await page.waitForSelector('.job[data-job-state="done"]', { timeout: 60_000 });
  const items = page.locator('[data-testid="job-files"] li');
  await expect.poll(() => items.count()).toBe(2);
  expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-outcome")))).toEqual(["added", "renamed"]);
  expect(await items.nth(1).innerText()).toContain("另存为 sources/same (2).txt");
  expect(await page.locator(".upload-row", { hasText: "超大文件.txt" }).innerText()).toContain("超大文件.txt：文件超过 64 MB 的上限");
  await page.waitForSelector('tr[data-source="sources/same (2).txt"][data-status="indexed"]');
  await shot("corpus-upload-same-name");
  expect((await searchFor("东岭水泥厂")).total).toBe(1);
  expect((await searchFor("西岭小学")).total).toBe(1);
}, 120_000);

// Issue 28: the metadata table is filtered on the server (a just-uploaded report found without
// paging), two reports are corrected in one bulk write, the history shows it and undo puts one back.
const SHOTS = "/tmp/wenyuan-shots";
/** a write waits on the test run's one Meilisearch, whose task queue other test files share */
const POLL = { timeout: 30_000, interval: 200 };
it("filter the metadata table, bulk-correct two reports, see the history and undo", async () => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(files, "碧水湾小学.txt"), report("碧水湾小学"));
  writeFileSync(join(files, "碧水湾医院.txt"), report("碧水湾医院"));
  await page.goto(`${app.url}/corpus`);
  await page.locator('[data-testid="upload-input"]').setInputFiles([join(files, "碧水湾小学.txt"), join(files, "碧水湾医院.txt")]);
  await page.waitForSelector('.job[data-job-state="done"]', { timeout: 60_000 });

  // the text filter: exactly the reports whose title, source or id holds 碧水湾 (recounted from the store's rows)
  const all = (await getJson<{ reports: { id: string; title: string; source: string; sector: string; level: string }[] }>(app.url, "/api/reports?includeDuplicates=true&perPage=100")).body.reports;
  const expected = all.filter((r) => [r.title, r.source, r.id].some((x) => x.includes("碧水湾")));
  expect(expected).toHaveLength(2);
  await page.locator(".metadata-contains").fill("碧水湾");
  await page.locator(".metadata-contains").press("Enter");
  await expect.poll(async () => (await page.locator("table.metadata tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-report-id")).sort())), POLL).toEqual(expected.map((r) => r.id).sort());
  await expect.poll(() => page.locator("#reports-title").innerText(), POLL).toContain("（2）");
  // a facet filter on top: only the school's level (or none) stays
  const levelOfFirst = expected[0].level;
  await page.locator('select[data-filter="level"]').selectOption(levelOfFirst);
  await expect.poll(() => page.locator("table.metadata tbody tr").count(), POLL).toBe(expected.filter((r) => r.level === levelOfFirst).length);
  await page.locator('select[data-filter="level"]').selectOption("");
  await expect.poll(() => page.locator("table.metadata tbody tr").count(), POLL).toBe(2);
  await shot("corpus-filtered");

  // select both, set sector = agency in one write
  await page.locator('table.metadata thead input[type="checkbox"]').check();
  await page.locator('[data-testid="bulk-bar"] select').first().selectOption("sector");
  await page.locator('[data-testid="bulk-bar"] select').nth(1).selectOption("agency");
  await page.locator('[data-testid="bulk-bar"] button').click();
  for (const r of expected) await expect.poll(async () => (await getJson<{ sector: string }>(app.url, `/api/reports/${r.id}`)).body.sector, POLL).toBe("agency");
  for (const r of expected) await expect.poll(() => page.locator(`tr[data-report-id="${r.id}"] select[aria-label="行业"]`).inputValue(), POLL).toBe("agency");

  // the history lists both set entries, newest first; undo the one for the first report
  const changed = expected.filter((r) => r.sector !== "agency");
  const history = page.locator("table.correction-history tbody tr");
  await expect.poll(async () => (await history.evaluateAll((rows) => rows.filter((r) => r.getAttribute("data-action") === "set").map((r) => r.getAttribute("data-report")))).filter((id) => expected.some((e) => e.id === id)).sort(), POLL).toEqual(changed.map((r) => r.id).sort());
  expect(await history.first().innerText()).toMatch(/local/);
  // the time in the UI's language, not the browser's (en-US here): 2026年12月7日 20:59
  expect(await history.first().innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  expect(await page.locator("table.sources tbody tr").first().innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  await page.screenshot({ path: join(SHOTS, "corpus-history-zh.png"), fullPage: true });
  const target = changed[0];
  expect(target).toBeDefined();
  await page.locator(`table.correction-history tbody tr[data-action="set"][data-report="${target.id}"]`).first().getByRole("button", { name: /撤销/ }).click();
  await expect.poll(async () => (await getJson<{ sector: string }>(app.url, `/api/reports/${target.id}`)).body.sector, POLL).toBe(target.sector);
  await expect.poll(() => page.locator(`tr[data-report-id="${target.id}"] select[aria-label="行业"]`).inputValue(), POLL).toBe(target.sector);
  await expect.poll(() => page.locator('table.correction-history tbody tr[data-action="undo"]').count(), POLL).toBe(1);
  const other = expected.find((r) => r.id !== target.id)!;
  expect((await getJson<{ sector: string }>(app.url, `/api/reports/${other.id}`)).body.sector).toBe("agency");
  await page.screenshot({ path: join(SHOTS, "corpus-undone-zh.png"), fullPage: true });

  // the same screen in English
  const en = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" })).newPage();
  await en.goto(`${app.url}/corpus?lang=en`);
  await en.waitForSelector("table.correction-history tbody tr");
  await en.locator(".metadata-contains").fill("碧水湾");
  await en.locator(".metadata-contains").press("Enter");
  await expect.poll(() => en.locator("table.metadata tbody tr").count(), POLL).toBe(2);
  expect(await en.locator("table.correction-history tbody tr").first().innerText()).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await en.screenshot({ path: join(SHOTS, "corpus-history-en.png"), fullPage: true });
  await en.close();
}, 180_000);

