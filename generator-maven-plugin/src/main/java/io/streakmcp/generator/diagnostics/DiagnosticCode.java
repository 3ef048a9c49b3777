package io.streakmcp.generator.diagnostics;

/**
 * One stable code per rule. Tests assert codes and positions, never the prose, so the prose can
 * improve without breaking anyone's tooling.
 */
public enum DiagnosticCode {
  /** The file is not UTF-8. */
  DOC_NOT_UTF8,
  /** The file is not valid YAML. */
  DOC_YAML_SYNTAX,
  /** The file uses a YAML alias; records spell their text out. */
  DOC_YAML_ALIAS,
  /** A mapping has the same key twice; YAML would silently keep the last one. */
  DOC_DUPLICATE_KEY,
  /** A key the meta-schema does not know. */
  DOC_UNKNOWN_KEY,
  /** A key the meta-schema requires is absent. */
  DOC_MISSING_KEY,
  /** A value of the wrong JSON type. */
  DOC_WRONG_TYPE,
  /** A parameter or schema {@code type} that is not a JSON Schema type. */
  DOC_UNKNOWN_TYPE,
  /** A value outside the allowed set. */
  DOC_NOT_ALLOWED_VALUE,
  /** A name or path that does not match its pattern. */
  DOC_BAD_NAME,
  /** A string or list that is too short or too long. */
  DOC_BAD_LENGTH,
  /** A list that repeats an item. */
  DOC_DUPLICATE_ITEM,
  /** Any other meta-schema rule. */
  DOC_SCHEMA,
  /** Two surface methods derive the same tool name. */
  DOC_DUPLICATE_TOOL,
  /** A derived tool name breaks {@code ^[a-z0-9_]{1,64}$}. */
  DOC_BAD_TOOL_NAME,
  /** A surface field that does not fit the method's kind (action, plural). */
  DOC_KIND_MISMATCH,
  /** A record names a tool that no surface method derives. */
  DOC_UNKNOWN_TOOL,
  /** Two records document the same tool. */
  DOC_DUPLICATE_RECORD,
  /** A path parameter has no entry in {@code params}. */
  DOC_MISSING_PATH_PARAM,
  /** A {@code params} entry is neither a path parameter nor a known query parameter. */
  DOC_UNKNOWN_PARAM,
  /** A {@code body} on a method that sends none. */
  DOC_BODY_NOT_ALLOWED,
  /** Two arguments meet in one snake_case name, or take a reserved paging name. */
  DOC_ARGUMENT_CLASH,
  /** A {@code source} that names no generated tool. */
  DOC_UNKNOWN_SOURCE,
  /** Required keys whose {@code source} tools need each other's keys (or their own): no start. */
  DOC_SOURCE_CYCLE,
  /** {@code overwrites} on a method that is not an update. */
  DOC_OVERWRITES_NOT_UPDATE,
  /** A parameter schema no major client accepts as written (see PortableSchemaRules). */
  DOC_NOT_PORTABLE;

  /** The wire form, e.g. {@code DOC-UNKNOWN-TYPE}. */
  public String id() {
    return name().replace('_', '-');
  }
}
