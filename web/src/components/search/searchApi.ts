import { useQuery } from "@tanstack/react-query";
import type { SearchHit, SearchResult } from "../../../../src/search/schemas";
import { apiGet } from "../../api";

export type { SearchHit };

/** The server refuses fewer than two characters; nothing is asked until then. */
export const MIN_QUERY = 2;

export const useSearch = (q: string) =>
  useQuery({
    queryKey: ["search", q],
    queryFn: () => apiGet<SearchResult>(`/search?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length >= MIN_QUERY,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });

/** The next highlighted row for an arrow key, wrapping at both ends. */
export function moveHighlight(current: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return 0;
  return (current + (key === "ArrowDown" ? 1 : -1) + count) % count;
}

/** Whether a key press anywhere should open the search: Ctrl/⌘+K always, "/" outside a text field. */
export function opensSearch(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">,
  inTextField: boolean,
): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") return true;
  return event.key === "/" && !inTextField && !event.ctrlKey && !event.metaKey && !event.altKey;
}
