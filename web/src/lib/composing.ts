// Search-as-you-type that never fires in the middle of an IME composition:
// pinyin users type "songwennuan" before choosing 送温暖, and every keystroke of
// the composition is an `input` event. Framework-free so it can be unit-tested.

export interface ComposingDebouncer {
  /** an input event; `composing` is the event's isComposing flag */
  input(value: string, composing?: boolean): void;
  compositionStart(): void;
  /** composition finished: commit the chosen text (after the debounce) */
  compositionEnd(value: string): void;
  /** commit now (Enter) */
  flush(value: string): void;
  cancel(): void;
  /** the committed value changed elsewhere (back/forward): remember it */
  sync(value: string): void;
  readonly composing: boolean;
}

export function createComposingDebouncer(onCommit: (value: string) => void, delayMs = 250): ComposingDebouncer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let composing = false;
  let last: string | undefined;

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const commit = (value: string) => {
    cancel();
    if (value === last) return;
    last = value;
    onCommit(value);
  };
  const schedule = (value: string) => {
    cancel();
    timer = setTimeout(() => commit(value), delayMs);
  };

  return {
    input(value, isComposing = false) {
      if (composing || isComposing) return;
      schedule(value);
    },
    compositionStart() {
      composing = true;
      cancel();
    },
    compositionEnd(value) {
      composing = false;
      schedule(value);
    },
    flush(value) {
      composing = false;
      commit(value);
    },
    cancel,
    sync(value) {
      last = value;
    },
    get composing() {
      return composing;
    },
  };
}

