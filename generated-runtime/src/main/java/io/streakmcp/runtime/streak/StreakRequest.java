package io.streakmcp.runtime.streak;

import java.util.List;
import java.util.Map;

/**
 * One call to Streak, already encoded by the caller's binding.
 *
 * @param method GET, POST, PUT or DELETE
 * @param path the path from the API root, starting with {@code /v1/} or {@code /v2/}, with path
 *     parameters already encoded
 * @param query query parameters in order; a name may repeat
 * @param body the body bytes, or null
 * @param contentType the body's content type, or null
 */
public record StreakRequest(
    String method,
    String path,
    List<Map.Entry<String, String>> query,
    byte[] body,
    String contentType) {

  public StreakRequest {
    query = List.copyOf(query);
  }
}
