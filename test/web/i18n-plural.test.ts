// Issue 28: English counts take their plural ("used by 1 report", "once"), chosen by
// Intl.PluralRules; Chinese has one form. Every message renders without a placeholder left over.
import { describe, expect, it } from "vitest";
import { LANGS, MESSAGES, translator, type MessageKey } from "../../web/src/app/i18n.ts";

describe("plural forms", () => {
  const en = translator("en");
  const zh = translator("zh");

  it("English says one report, one occurrence, once — and many for other counts", () => {
    expect(en("usedBy", { n: 1 })).toBe("used by 1 report");
    expect(en("usedBy", { n: 2 })).toBe("used by 2 reports");
    expect(en("usedBy", { n: 0 })).toBe("used by 0 reports");
    expect(en("kwicDispersion", { n: 1 })).toBe("Where it occurs in the report: once");
    expect(en("kwicDispersion", { n: 17600 })).toBe("Where it occurs in the report: 17,600 times");
    expect(en("kwicTotals", { total: 1, reports: 1 })).toBe("1 occurrence in 1 report");
    expect(en("kwicTotals", { total: 1234, reports: 3 })).toBe("1,234 occurrences in 3 reports");
    expect(en("documentsNote", { with: 1, total: 7 })).toMatch(/^1 of 7 reports contains it;/);
    expect(en("documentsNote", { with: 3, total: 7 })).toMatch(/^3 of 7 reports contain it;/);
  });

  it("Chinese keeps its one form and groups the number", () => {
    expect(zh("usedBy", { n: 1 })).toBe("1 篇报告使用");
    expect(zh("kwicTotals", { total: 17600, reports: 2 })).toBe("17,600 处出现，分布于 2 篇报告");
  });

  it("no message of either language leaves a placeholder or a plural form behind", () => {
    const vars = new Proxy({}, { get: () => 2, has: () => true }) as Record<string, number>;
    for (const lang of LANGS)
      for (const key of Object.keys(MESSAGES[lang]) as MessageKey[]) {
        const out = translator(lang)(key, { ...Object.fromEntries([...MESSAGES[lang][key].matchAll(/\{(\w+)/g)].map((m) => [m[1], 2])), ...vars });
        expect(out, `${lang}.${key}`).not.toMatch(/\{\w+\}|, plural,|other \{/);
      }
  });
});
