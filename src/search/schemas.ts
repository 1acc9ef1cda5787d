import { z } from "zod";

export const SEARCH_KINDS = [
  "orgUnit",
  "plan",
  "planIndicator",
  "indicator",
  "dataSet",
  "dataElement",
  "user",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchQuerySchema = z.object({
  /** At least two characters: one letter matches half the catalogue. */
  q: z.string().trim().min(2).max(100),
  /** Hits per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  /** Where it sits: its code, its plan, its org unit. */
  subtitle: z.string().nullable(),
  /** The web address that opens it. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({ hits: z.array(searchHitSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
