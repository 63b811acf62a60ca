// The instance's named subcorpora (GET /api/subcorpora), one cached list every picker shares;
// saving or deleting one refreshes it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getSubcorpora } from "../api/endpoints.ts";

export const SUBCORPORA_KEY = ["subcorpora"] as const;

export function useSubcorpora() {
  return useQuery({ queryKey: SUBCORPORA_KEY, queryFn: ({ signal }) => getSubcorpora(signal), staleTime: 30_000 });
}

/** Call after a write: every picker and the list page read the list again. */
export function useRefreshSubcorpora(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: SUBCORPORA_KEY });
}
