package io.streakmcp.runtime.transport;

import java.util.List;
import org.eclipse.jetty.server.Request;

/**
 * Headers whose value decides how a request is read or whom it is for. Sent twice with different
 * values, which one was meant cannot be known (and a filter in front may have checked the other
 * one), so such a request is refused instead of served by the first. The MCP transports and the
 * admin API both check them.
 */
public final class RepeatedHeaders {
  private static final List<String> SINGLE =
      List.of(
          "Content-Type",
          "Mcp-Session-Id",
          "MCP-Protocol-Version",
          "Mcp-Method",
          "Mcp-Name",
          "Origin",
          "Authorization",
          "Last-Event-ID");

  private RepeatedHeaders() {}

  /** The first such header sent more than once with different values, or null. */
  public static String conflicting(Request request) {
    for (String name : SINGLE) {
      List<String> values = request.getHeaders().getValuesList(name);
      if (values.size() > 1 && values.stream().distinct().count() > 1) {
        return name;
      }
    }
    return null;
  }

  /** What a client is told about the header {@link #conflicting} named. */
  public static String problem(String header) {
    return "the " + header + " header was sent more than once with different values; send it once";
  }
}
