// File names and other untrusted strings, made safe to print on a terminal or in a log line:
// control characters (ANSI escapes, newlines, carriage returns), bidirectional overrides and other
// invisible format characters become visible \u{…} escapes, so a name cannot clear the terminal,
// start a fake line or reorder what is shown.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
