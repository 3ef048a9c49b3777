package io.streakmcp.generator.records;

import io.streakmcp.generator.diagnostics.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * One Streak API method as the surface file states it, with the position of each field. Values are
 * already checked against the meta-schema, so the enumerations hold.
 */
public record SurfaceMethod(
    String resource,
    String plural,
    String kind,
    String action,
    String variant,
    String verb,
    String version,
    String path,
    List<String> query,
    String body,
    String paging,
    String result,
    SourcePosition position,
    Map<String, SourcePosition> fields,
    String jsonPath) {

  public SurfaceMethod {
    query = List.copyOf(query);
    fields = Map.copyOf(fields);
  }

  /** Where a field's value starts, or where the method starts if the field is absent. */
  public SourcePosition at(String field) {
    return fields.getOrDefault(field, position);
  }

  /** The method as Streak knows it, e.g. {@code GET /v1/boxes/{boxKey}}. */
  public String route() {
    return verb + " /" + version + path;
  }
}
