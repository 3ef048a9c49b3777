package io.streakmcp.runtime.transport;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The DNS-rebinding defence. A browser page on a foreign site, pointed at our address by a rebound
 * DNS name, sends its own Origin and the foreign Host name: both are refused. Clients that are not
 * browsers send no Origin and pass.
 */
final class OriginPolicy {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> allowedOrigins;
  private final Set<String> allowedHosts;

  OriginPolicy(Set<String> allowedOrigins, Set<String> allowedHosts) {
    this.allowedOrigins = allowedOrigins;
    this.allowedHosts = allowedHosts;
  }

  /** Why the request must be refused (HTTP 403), or empty when it may go on. */
  Optional<String> check(String origin, String host) {
    if (origin != null && !originAllowed(origin)) {
      return Optional.of("Origin " + origin + " is not allowed");
    }
    if (!allowedHosts.isEmpty()
        && (host == null
            || !allowedHosts.contains(hostName(host)) && !LOOPBACK.contains(hostName(host)))) {
      return Optional.of("Host " + host + " is not allowed");
    }
    return Optional.empty();
  }

  private boolean originAllowed(String origin) {
    if (allowedOrigins.contains(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String h = uri.getHost();
      return h != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && LOOPBACK.contains(h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The host part of a Host header, without the port; IPv6 literals keep their brackets. */
  static String hostName(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
