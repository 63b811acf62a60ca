// A row of radio buttons drawn as one segmented control (match mode, result mode).
export function Segmented<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  format,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  format: (value: T) => string;
}) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          <span>{format(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}
