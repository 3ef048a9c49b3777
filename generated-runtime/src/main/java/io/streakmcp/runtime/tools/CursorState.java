package io.streakmcp.runtime.tools;

/**
 * Where a list stands, whatever Streak's paging style. Each field is used by some styles only.
 *
 * @param page Streak's 0-based page (page styles)
 * @param token Streak's own cursor, next-page token or sort order (token styles), or null
 * @param offset items of the current Streak page already returned
 * @param limit the page size fixed by the first call
 * @param step how many pages have been served; bounded so a list always ends
 */
public record CursorState(int page, String token, int offset, int limit, int step) {

  /** The state of a first page. */
  public static CursorState first(int limit) {
    return new CursorState(0, null, 0, limit, 0);
  }
}
