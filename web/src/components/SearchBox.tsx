// A labelled search field that commits outside IME compositions (see useComposedInput).
import { useId } from "react";
import { useComposedInput } from "../hooks/useComposedInput.ts";

export function SearchBox({
  label,
  value,
  onCommit,
  placeholder,
  name = "q",
  autoFocus,
}: {
  label: string;
  value: string;
  onCommit: (value: string, options: { replace: boolean }) => void;
  placeholder?: string;
  name?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const { inputProps } = useComposedInput(value, onCommit);
  return (
    <div className="searchbox">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" name={name} autoComplete="off" spellCheck={false} placeholder={placeholder} autoFocus={autoFocus} enterKeyHint="search" {...inputProps} />
    </div>
  );
}
