// Write view (`/write`) URL state: the draft sentence and a term for phrasing variants.
import { put, str } from "./route.ts";

export interface WriteState {
  text: string;
  term: string;
}

export const defaultWriteState = (): WriteState => ({ text: "", term: "" });

export function stateToRoute(s: WriteState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "text", s.text);
  put(p, "term", s.term);
  return p;
}

export function routeToState(p: URLSearchParams): WriteState {
  return { text: str(p, "text", 2000), term: str(p, "term", 100) };
}
