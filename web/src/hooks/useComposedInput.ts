// A text input that commits its value (debounced) only outside IME compositions.
// The first commit of a typing session pushes a history entry; later ones replace
// it, so Back goes to the previous search rather than to every keystroke.
import { useEffect, useRef, useState, type ChangeEvent, type CompositionEvent, type KeyboardEvent } from "react";
import { createComposingDebouncer, type ComposingDebouncer } from "../lib/composing.ts";

type Field = HTMLInputElement | HTMLTextAreaElement;

export function useComposedInput(committed: string, onCommit: (value: string, options: { replace: boolean }) => void, delayMs = 250) {
  const [value, setValue] = useState(committed);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const inSession = useRef(false);
  /** what this input committed and the URL has not echoed yet: those echoes are not changes from elsewhere */
  const sent = useRef<string[]>([]);
  const debouncer = useRef<ComposingDebouncer | null>(null);
  if (debouncer.current === null) {
    debouncer.current = createComposingDebouncer((v) => {
      sent.current.push(v);
      commitRef.current(v, { replace: inSession.current });
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
    const echo = sent.current.indexOf(committed);
    if (echo >= 0) {
      sent.current = sent.current.slice(echo + 1);
      return;
    }
    sent.current = [];
    if (!d.composing) setValue(committed);
  }, [committed, d]);
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
