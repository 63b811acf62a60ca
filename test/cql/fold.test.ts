// The fold keeps offsets: over OpenCC's whole traditional → simplified character table, one
// UTF-16 code unit in gives one out, and entries that are not one BMP character on both sides are
// left as they are. Matching compares folded forms, so the fold must also be stable (folding twice
// changes nothing) and agree with the table wherever it folds.
import { describe, expect, it } from "vitest";
import { characterTable, fold, foldTokens } from "../../core/fold.ts";

const bmpChar = (s: string) => s.length === 1 && !/[\ud800-\udfff]/u.test(s);

describe("fold", () => {
  const table = characterTable();

  it("reads OpenCC's character table", () => {
    expect(table.length).toBeGreaterThan(3000);
    expect(table).toContainEqual(["職", "职"]);
    expect(table).toContainEqual(["溫", "温"]);
  });

  it("keeps the length of every entry, folds one-unit entries to the table's target, leaves the others", () => {
    let folded = 0;
    let kept = 0;
    for (const [from, to] of table) {
      const f = fold(from);
      expect(f.length, from).toBe(from.length);
      if (bmpChar(from) && bmpChar(to)) {
        // a chain (薴 → 苧 → 苎) ends where the target itself folds
        expect(f, from).toBe(fold(to));
        expect(f, from).not.toBe(from);
        folded++;
      } else {
        expect(f, from).toBe(from);
        kept++;
      }
    }
    expect(folded).toBeGreaterThan(2900);
    // the entries outside the BMP on either side, not folded (said so in core/fold.ts)
    expect(kept).toBeGreaterThan(0);
    expect(fold("薴")).toBe("苎");
  });

  it("is stable and keeps offsets on the whole table at once", () => {
    const all = table.map(([from]) => from).join("");
    const f = fold(all);
    expect(f.length).toBe(all.length);
    expect(fold(f)).toBe(f);
    // character by character: a unit folds the same wherever it stands
    for (let i = 0; i < all.length; i++) if (bmpChar(all[i])) expect(f[i], `offset ${i}`).toBe(fold(all[i]));
  });

  it("folds text and leaves simplified text, Latin, punctuation and lone surrogates untouched", () => {
    expect(fold("職工代表大會，送溫暖活動。")).toBe("职工代表大会，送温暖活动。");
    const simplified = "职工代表大会，送温暖活动。2023 abc";
    expect(fold(simplified)).toBe(simplified);
    expect(fold("職\ud800工")).toBe("职\ud800工");
    expect(fold("")).toBe("");
  });

  it("folds tokens one by one, returning the same array when nothing folds", () => {
    const tokens = ["开展", "送温暖", "活动"];
    expect(foldTokens(tokens)).toBe(tokens);
    expect(foldTokens(["開展", "送溫暖", "活動"])).toEqual(["开展", "送温暖", "活动"]);
  });
});
