// A view's state, read from and written to the URL through its codec.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { RouteCodec } from "../state/route.ts";

export interface SetOptions {
  /** replace the history entry instead of pushing one (typing, scrolling) */
  replace?: boolean;
}

export function useRouteState<S>(codec: RouteCodec<S>): [S, (next: Partial<S> | ((prev: S) => S), options?: SetOptions) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // keyed on the string form: a new URLSearchParams object with the same content is the same state
  const state = useMemo(() => codec.routeToState(new URLSearchParams(key)), [codec, key]);
  const update = useCallback(
    (next: Partial<S> | ((prev: S) => S), options: SetOptions = {}) => {
      setParams(
        // Not react-router's `prev`: that is the URL of this hook's last render, so a second change
        // before the next render (one compare side, then the other) undid the first. The
        // address bar holds every change made so far.
        () => {
          const prev = new URLSearchParams(window.location.search);
          const current = codec.routeToState(prev);
          const merged = typeof next === "function" ? next(current) : { ...current, ...next };
          const out = codec.stateToRoute(merged);
          // a language forced by ?lang= survives state changes
          const lang = prev.get("lang");
          if (lang) out.set("lang", lang);
          return out;
        },
        { replace: options.replace, preventScrollReset: true },
      );
    },
    [codec, setParams],
  );
  return [state, update];
}
