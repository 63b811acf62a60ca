// Text with marked ranges, rendered as React text nodes and <mark> elements —
// never as HTML, so a report containing <script> shows it as characters.
import { segments, type Range } from "../lib/highlight.ts";

export function Highlight({ text, marks }: { text: string; marks: readonly Range[] }) {
  return (
    <>
      {segments(text, marks).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}
    </>
  );
}
