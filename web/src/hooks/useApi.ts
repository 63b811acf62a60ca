// Thin TanStack Query wrappers: the key is the endpoint + its parameters.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Params } from "../api/client.ts";

export function useApi<T>(name: string, params: Params, fn: (p: Params, signal: AbortSignal) => Promise<T>, enabled = true) {
  return useQuery({
    queryKey: [name, params],
    queryFn: ({ signal }) => fn(params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
