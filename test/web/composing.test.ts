// Search-as-you-type waits for IME compositions to end (pinyin → 送温暖).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createComposingDebouncer } from "../../web/src/lib/composing.ts";

describe("createComposingDebouncer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("debounces plain typing", () => {
    const commits: string[] = [];
    const d = createComposingDebouncer((v) => commits.push(v), 250);
    d.input("送");
    d.input("送温");
    vi.advanceTimersByTime(249);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(commits).toEqual(["送温"]);
  });

  it("never commits during a composition, and commits on compositionend", () => {
    const commits: string[] = [];
    const d = createComposingDebouncer((v) => commits.push(v), 250);
    d.compositionStart();
    for (const v of ["s", "so", "song", "songwen", "songwennuan"]) d.input(v, true);
    vi.advanceTimersByTime(2000);
    expect(commits).toEqual([]);
    d.compositionEnd("送温暖");
    vi.advanceTimersByTime(250);
    expect(commits).toEqual(["送温暖"]);
  });

  it("ignores input events flagged isComposing even without compositionstart", () => {
    const commits: string[] = [];
    const d = createComposingDebouncer((v) => commits.push(v), 250);
    d.input("zhi", true);
    vi.advanceTimersByTime(1000);
    expect(commits).toEqual([]);
  });

  it("flush commits immediately and doesn't repeat a value already committed or synced", () => {
    const commits: string[] = [];
    const d = createComposingDebouncer((v) => commits.push(v), 250);
    d.sync("工会");
    d.flush("工会");
    d.flush("职工");
    d.input("职工");
    vi.advanceTimersByTime(300);
    expect(commits).toEqual(["职工"]);
  });
});
