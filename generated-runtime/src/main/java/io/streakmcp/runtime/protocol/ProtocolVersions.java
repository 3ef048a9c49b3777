package io.streakmcp.runtime.protocol;

import java.util.List;

/**
 * The protocol revisions this server speaks. Legacy revisions open with {@code initialize}; the
 * modern one carries its version in every request's {@code _meta}.
 */
public final class ProtocolVersions {
  public static final String V2024_11_05 = "2024-11-05";
  public static final String V2025_03_26 = "2025-03-26";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_11_25 = "2025-11-25";
  public static final String V2026_07_28 = "2026-07-28";

  /** Legacy revisions, newest first. */
  public static final List<String> LEGACY =
      List.of(V2025_11_25, V2025_06_18, V2025_03_26, V2024_11_05);

  /** Modern (stateless) revisions, newest first. */
  public static final List<String> MODERN = List.of(V2026_07_28);

  /** What a legacy HTTP request without a version header is assumed to speak, per the spec. */
  public static final String LEGACY_HTTP_DEFAULT = V2025_03_26;

  private ProtocolVersions() {}

  /**
   * Version negotiation for {@code initialize}: the client's version when we speak it, else our
   * newest legacy version (the client then decides whether it can go on).
   */
  public static String negotiate(String requested) {
    return LEGACY.contains(requested) ? requested : LEGACY.get(0);
  }

  public static boolean isLegacy(String version) {
    return LEGACY.contains(version);
  }

  /** True when a revision has {@code structuredContent}, {@code outputSchema} and titles. */
  public static boolean hasStructuredContent(String version) {
    return version.compareTo(V2025_06_18) >= 0;
  }

  /** True when a revision has tool annotations. */
  public static boolean hasAnnotations(String version) {
    return version.compareTo(V2025_03_26) >= 0;
  }

  /** Batches (JSON arrays of messages) existed only in 2025-03-26. */
  public static boolean allowsBatches(String version) {
    return V2025_03_26.equals(version);
  }
}
