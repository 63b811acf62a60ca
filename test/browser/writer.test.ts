// The writer's journey (issue 17) in Chromium, in Chinese and in English, on the bundled corpus:
// paste a three-sentence draft, see each sentence's closest corpus sentences, open the frames of
// 送温暖 from its key terms, open one example in its report at its place. Screenshots go to
// test/artifacts/writer-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { readStore } from "../../core/store.ts";
import { ROOT, SEED_CORPUS, startApp } from "../helpers/app.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const DRAFT = "我们积极开展送温暖活动，走访慰问困难职工。坚持职代会制度，推进厂务公开。加强师德建设，提高教职工队伍素质。";

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let texts: Map<string, string>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startApp({ corpus: SEED_CORPUS });
  texts = new Map(readStore(app.dataDir).entries.map((e) => [e.report.id, e.report.text]));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each([
  ["zh", "zh-CN"],
  ["en", "en-US"],
])("the writer's journey (%s)", (lang, locale) => {
  it("a three-sentence draft: closest sentences for each, the frames of 送温暖, an example opened at its place", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.goto(`${app.url}/write?lang=${lang}`);
      await page.locator("textarea").fill(DRAFT);
      await page.locator(".write-form button[type=submit]").click();
      await page.waitForURL((u) => u.searchParams.get("text") === DRAFT);
      await page.waitForFunction(() => document.querySelectorAll(".draft-sentence .similar-list li").length >= 3 && document.querySelectorAll('.draft-sentence[aria-busy="true"]').length === 0);
      expect(await page.locator(".draft-sentence").count()).toBe(3);
      for (let n = 1; n <= 3; n++) expect(await page.locator(`.draft-sentence[data-sentence="${n}"] .similar-list li`).count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, `writer-${lang}-similar.png`), fullPage: false });

      // the frames answer the page gets: the examples' sentences the report must highlight
      const framesAnswer = page.waitForResponse((res) => {
        const u = new URL(res.url());
        return u.pathname.endsWith("/api/frames") && u.searchParams.get("term") === "送温暖" && !u.searchParams.has("pick");
      });
      await page.locator('.draft-sentence[data-sentence="1"] .key-terms button[data-term="送温暖"]').click();
      const frames = (await (await framesAnswer).json()) as { variants: { example?: { reportId: string; text: string; start: number } | null }[] };
      await page.waitForURL((u) => u.searchParams.get("term") === "送温暖");
      await page.waitForSelector('.frames[data-term="送温暖"] .frame-table[data-relation="verb"] tbody tr');
      const verbs = await page.locator('.frame-table[data-relation="verb"] tbody th button').allTextContents();
      for (const v of ["开展", "实施", "做好"]) expect(verbs).toContain(v);
      // every sector is a column, empty ones too
      expect(await page.locator('.frame-table[data-relation="after"] thead th').count()).toBe(5 + 5);
      await page.locator(".frames").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `writer-${lang}-frames.png`), fullPage: false });

      // a row opens all its sentences
      await page.locator('.frame-table[data-relation="after"] button[data-pick="after:活动"]').click();
      await page.waitForSelector('.frame-lines[data-pick="after:活动"] li');
      expect(await page.locator('.frame-lines[data-pick="after:活动"] li').count()).toBeGreaterThan(1);

      // an example opens its report at the sentence, the sentence itself highlighted and on screen
      const link = page.locator('.frame-table[data-relation="variant"] tbody tr').first().locator("a.frame-src");
      const at = Number(await link.getAttribute("data-at"));
      const sentence = (await page.locator('.frame-table[data-relation="variant"] tbody tr').first().locator(".frame-text").textContent())!;
      await link.click();
      await page.waitForURL((u) => u.pathname.startsWith("/report/") && u.searchParams.get("at") === String(at));
      const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      expect(texts.get(id)!.slice(at, at + sentence.length)).toBe(sentence);
      await page.waitForSelector(".para.is-target");
      expect(await page.locator(".para.is-target").textContent()).toContain(sentence);
      const example = frames.variants.map((v) => v.example).find((e) => e && e.reportId === id && e.start === at)!;
      expect(example).toBeTruthy();
      expect(new URL(page.url()).searchParams.get("end")).toBe(String(at + example.text.length));
      const target = page.locator(".report-text .sentence-target");
      await target.waitFor();
      expect(await target.count()).toBe(1);
      expect(await target.textContent()).toBe(example.text);
      expect(Number(await target.getAttribute("data-sentence-start"))).toBe(at);
      await page.waitForFunction(() => {
        const r = document.querySelector(".report-text .sentence-target")!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
      });
      await page.screenshot({ path: join(ARTIFACTS, `writer-${lang}-report.png`), fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
