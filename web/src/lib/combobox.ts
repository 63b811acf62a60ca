// The pure parts of the search box's completion list (a WAI-ARIA combobox).

export interface Suggestion {
  term: string;
  count: number;
}

/** What to offer for the text in the box: nothing for an empty box, and only
 * suggestions that still fit what is typed (the answer may be for an older prefix). */
export function visibleSuggestions(suggestions: readonly Suggestion[] | undefined, input: string, max = 8): Suggestion[] {
  const text = input.trim();
  if (!text || !suggestions) return [];
  return suggestions.filter((s) => s.term !== text && s.term.includes(text)).slice(0, max);
}

/** The option ArrowDown / ArrowUp moves to, wrapping; -1 is "none". */
export function moveActive(active: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return active >= count - 1 ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}
