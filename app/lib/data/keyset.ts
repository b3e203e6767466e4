/**
 * Pages of a long list, read with keyset queries: a page is named by the row it starts after (or
 * ends before), so every page costs one indexed range read however deep it is, and a row added or
 * removed meanwhile never shifts the rest. The row is named by its id; the list's order itself
 * comes from the row (a deck's title, a card's position).
 */
import { z } from "zod";

/** Where a page starts: after a row, before a row, or (neither) at the beginning. */
export interface PageCursor {
  after?: string;
  before?: string;
}

/** The rows on either side of a page: `previous` for `?before=`, `next` for `?after=`. */
export interface PageLinks {
  previous: string | null;
  next: string | null;
}

const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** A page's query string, validated: a malformed cursor reads as the first page. */
export const pageQuerySchema = z.object({
  after: rowId.optional().catch(undefined),
  before: rowId.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  /** Only the cards the learner marked so (the deck page's card filter). */
  marked: z.enum(["suspended", "flagged"]).optional().catch(undefined),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** `searchParams` of a page (values may repeat) -> its cursor and search, never throwing. */
export function parsePageQuery(searchParams: Record<string, string | string[] | undefined>): PageQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return pageQuerySchema.parse({
    after: first(searchParams.after),
    before: first(searchParams.before),
    q: first(searchParams.q) || undefined,
    marked: first(searchParams.marked),
  });
}

/**
 * Trims a read of `limit + 1` rows to the page and works out its links. `backwards` reads (for
 * `before`) come in reverse order and are put back in list order here.
 */
export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  { backwards, fromCursor }: { backwards: boolean; fromCursor: boolean },
): { rows: Row[]; links: PageLinks } {
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const hasPrevious = backwards ? more : fromCursor;
  const hasNext = backwards ? true : more;
  return {
    rows: page,
    links: {
      previous: hasPrevious && page.length > 0 ? page[0]!.id : null,
      next: hasNext && page.length > 0 ? page[page.length - 1]!.id : null,
    },
  };
}
