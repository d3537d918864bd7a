import { z } from 'zod';

/** The top bar's search (ui.md, Structure): a few words, at least two characters. */
export const SearchQuery = z.strictObject({
  q: z.string().trim().min(2, { error: 'search.tooShort' }).max(100),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const searchKinds = ['member', 'activity', 'client', 'invoice', 'quote'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** One thing found, with where it opens in the app; only what the person may open is ever answered. */
export const SearchResult = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  href: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;
