package io.streakmcp.runtime.tool;

/**
 * How Streak pages a list. The model never sees these: every list tool takes {@code limit} and
 * {@code next_cursor}, and the runtime translates them into the style below.
 */
public enum PagingStyle {
  /** Streak returns everything; the runtime pages the answer itself. */
  NONE,
  /** 0-based {@code page} plus {@code limit}; the answer says {@code hasNextPage}. */
  PAGE_LIMIT,
  /** 0-based {@code page} only. */
  PAGE,
  /** Opaque {@code cursor} plus {@code limit}; an empty page ends the list. */
  CURSOR,
  /** {@code nextPageToken} in, {@code nextPage} out. */
  NEXT_PAGE_TOKEN,
  /** The {@code sortOrder} of the last item is the cursor. */
  SORT_ORDER
}
