// A labelled <select> that sits inline in a toolbar. A value the URL holds but
// the list lacks (e.g. ?window=7) is added, so the control always shows the truth.
import type { ReactNode } from "react";

export function InlineSelect<T extends string | number>({
  label,
  value,
  options,
  onChange,
  format = String,
}: {
  label: ReactNode;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  format?: (value: T) => string;
}) {
  const all = options.includes(value) ? options : [...options, value].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : 0));
  return (
    <label className="inline-field">
      <span>{label}</span>
      <select value={String(value)} onChange={(e) => onChange(all.find((o) => String(o) === e.target.value) ?? value)}>
        {all.map((o) => (
          <option key={o} value={String(o)}>
            {format(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
