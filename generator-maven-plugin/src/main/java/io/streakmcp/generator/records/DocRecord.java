package io.streakmcp.generator.records;

import io.streakmcp.generator.diagnostics.SourcePosition;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One documentation record as written, before it meets its surface method.
 *
 * @param tool the tool name it documents
 * @param title the short title
 * @param summary what the method returns, for the model
 * @param pitfalls traps worth a sentence each
 * @param tags filter tags
 * @param overwrites for updates: the call replaces data instead of merging
 * @param params path and query parameters, by Streak name, in file order
 * @param body body properties, by Streak name, in file order
 * @param response the response schema (one item for lists), or null
 * @param position where the record starts
 * @param fields where each field's value starts
 * @param jsonPath where the record sits in its file
 */
public record DocRecord(
    String tool,
    String title,
    String summary,
    List<String> pitfalls,
    List<String> tags,
    boolean overwrites,
    Map<String, ParamSpec> params,
    Map<String, ParamSpec> body,
    JsonNode response,
    SourcePosition position,
    Map<String, SourcePosition> fields,
    String jsonPath) {

  public DocRecord {
    fields = Map.copyOf(fields);
  }

  /** Where a field's value starts, or where the record starts if the field is absent. */
  public SourcePosition at(String field) {
    return fields.getOrDefault(field, position);
  }
}
