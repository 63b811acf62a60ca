// A labelled search field that commits outside IME compositions (see useComposedInput)
// and offers completions from the corpus vocabulary as an ARIA combobox: ArrowUp/Down
// move through them, Enter chooses, Escape closes.
import { useId, useState, type KeyboardEvent } from "react";
import { useLocation, useNavigationType } from "react-router";
import { useComposedInput } from "../hooks/useComposedInput.ts";
import { useSuggestions } from "../hooks/useSuggestions.ts";
import { moveActive, visibleSuggestions } from "../lib/combobox.ts";

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
  const navigation = { key: useLocation().key, type: useNavigationType() };
  const { value: text, inputProps, commitNow } = useComposedInput(value, onCommit, 250, navigation);
  // open while the user types here; closed by a choice, Escape, Enter, leaving, or an IME composition
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = visibleSuggestions(useSuggestions(value, open), text);
  const expanded = open && options.length > 0;
  const current = expanded && active < options.length ? active : -1;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (term: string) => {
    close();
    commitNow(term);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // an IME uses these keys to pick its own candidates
    if (!e.nativeEvent.isComposing) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!expanded) setOpen(true);
        else setActive(moveActive(current, options.length, e.key));
        e.preventDefault();
        return;
      }
      if (e.key === "Escape" && expanded) {
        // keep the text (a search field clears itself on Escape otherwise)
        e.preventDefault();
        close();
        return;
      }
      if (e.key === "Enter" && current >= 0) {
        e.preventDefault();
        choose(options[current].term);
        return;
      }
      if (e.key === "Enter") close();
    }
    inputProps.onKeyDown(e);
  };

  return (
    <div className="searchbox">
      <label htmlFor={id}>{label}</label>
      <div className="combo">
        <input
          id={id}
          type="search"
          name={name}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          autoFocus={autoFocus}
          enterKeyHint="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={current >= 0 ? `${id}-opt-${current}` : undefined}
          {...inputProps}
          onChange={(e) => {
            inputProps.onChange(e);
            setOpen(true);
            setActive(-1);
          }}
          onCompositionStart={() => {
            inputProps.onCompositionStart();
            setOpen(false);
          }}
          onCompositionEnd={(e) => {
            inputProps.onCompositionEnd(e);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (open) close();
          }}
        />
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="suggestions" hidden={!expanded}>
          {options.map((s, i) => (
            <li
              key={s.term}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === current}
              // keep the focus in the input; the click chooses
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(s.term)}
            >
              <span>{s.term}</span>
              <span className="facet-count">{s.count}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
