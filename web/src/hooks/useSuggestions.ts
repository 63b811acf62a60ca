// Completions for a search box from the corpus vocabulary. Asked for the box's
// committed value, which is already debounced and never changes mid-composition.
import { suggest } from "../api/endpoints.ts";
import { useApi } from "./useApi.ts";

export function useSuggestions(committed: string, enabled: boolean) {
  const q = committed.trim();
  return useApi("suggest", { q, limit: 10 }, suggest, enabled && q !== "").data?.suggestions;
}
