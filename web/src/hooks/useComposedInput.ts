// A text input that commits its value (debounced) only outside IME compositions.
// The first commit of a typing session pushes a history entry; later ones replace
// it while they refine the same query (one is a prefix of the other), so Back goes
// to the previous search rather than to every keystroke — and a new query typed
// over the old one gets its own entry.
import { useEffect, useRef, useState, type ChangeEvent, type CompositionEvent, type KeyboardEvent } from "react";
import { createComposingDebouncer, type ComposingDebouncer } from "../lib/composing.ts";

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * `next` edits the query of the current entry rather than replacing it: typed on from it or
 * deleted back (a prefix either way), or typed into an emptied box. Emptying the box keeps the
 * old query's entry.
 */
function refines(current: string, next: string): boolean {
  if (current === "") return true;
  if (next === "") return false;
  return next.startsWith(current) || current.startsWith(next);
}

/**
 * `navigation`: the navigation that produced `committed` — react-router's location key, new on
 * every navigation, and its type. A back/forward can land on the value `committed` already held
 * (when our last commit's render was superseded before it happened), so the value alone cannot
 * tell that the page moved; and it can land on a value we committed earlier whose echo React never
 * rendered, so only the type ("POP") tells it from an echo.
 */
export function useComposedInput(
  committed: string,
  onCommit: (value: string, options: { replace: boolean }) => void,
  delayMs = 250,
  navigation: { key: string; type: "POP" | "PUSH" | "REPLACE" } = { key: "", type: "PUSH" },
) {
  const [value, setValue] = useState(committed);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const inSession = useRef(false);
  /** what this input committed and the URL has not echoed yet: those echoes are not changes from elsewhere */
  const sent = useRef<string[]>([]);
  /** the query the current history entry holds */
  const shown = useRef(committed);
  const debouncer = useRef<ComposingDebouncer | null>(null);
  if (debouncer.current === null) {
    debouncer.current = createComposingDebouncer((v) => {
      // A value the history entry already holds changes no URL, so no echo will come back for it:
      // remembering it would later mistake a back/forward to that value for our own echo.
      if (v !== shown.current) sent.current.push(v);
      commitRef.current(v, { replace: inSession.current && refines(shown.current, v) });
      shown.current = v;
      inSession.current = true;
    }, delayMs);
    debouncer.current.sync(committed);
  }
  const d = debouncer.current;

  // The URL changed under us (back/forward, a link): show what it holds. Our own commits coming
  // back are not such a change: the URL updates in a transition, so by the time it holds "困难" the
  // box may already hold "困难职工" (and "困难职" be on its way), and writing an echo back lost
  // keystrokes (issue 16).
  useEffect(() => {
    d.sync(committed);
    const echo = navigation.type === "POP" ? -1 : sent.current.indexOf(committed);
    if (echo >= 0) {
      sent.current = sent.current.slice(echo + 1);
      return;
    }
    sent.current = [];
    shown.current = committed;
    if (!d.composing) setValue(committed);
  }, [committed, d, navigation.key, navigation.type]);
  useEffect(() => () => d.cancel(), [d]);

  return {
    value,
    setValue,
    /** show `v` and commit it at once (a chosen completion) */
    commitNow: (v: string) => {
      setValue(v);
      d.flush(v);
      inSession.current = false;
    },
    inputProps: {
      value,
      onChange: (e: ChangeEvent<Field>) => {
        setValue(e.target.value);
        d.input(e.target.value, (e.nativeEvent as InputEvent).isComposing === true);
      },
      onCompositionStart: () => d.compositionStart(),
      onCompositionEnd: (e: CompositionEvent<Field>) => d.compositionEnd(e.currentTarget.value),
      onFocus: () => {
        inSession.current = false;
      },
      onKeyDown: (e: KeyboardEvent<Field>) => {
        if (e.key !== "Enter" || e.nativeEvent.isComposing || d.composing || e.currentTarget instanceof HTMLTextAreaElement) return;
        e.preventDefault();
        d.flush(e.currentTarget.value);
        inSession.current = false;
      },
    },
  };
}
