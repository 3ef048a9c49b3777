package io.streakmcp.runtime.tool;

import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to turn validated arguments into one Streak HTTP call.
 *
 * @param verb the HTTP verb
 * @param version v1 or v2; the request goes to {@code <base>/<version><pathTemplate>}
 * @param pathTemplate the path below the version, with {@code {apiName}} placeholders
 * @param bodyEncoding none, JSON or form
 * @param paging how Streak pages the answer
 * @param resultShape how Streak shapes the answer
 * @param arguments every argument of the tool, in input-schema order
 */
public record HttpBinding(
    HttpVerb verb,
    ApiVersion version,
    String pathTemplate,
    BodyEncoding bodyEncoding,
    PagingStyle paging,
    ResultShape resultShape,
    List<ArgumentBinding> arguments) {

  public HttpBinding {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(bodyEncoding, "bodyEncoding");
    Objects.requireNonNull(paging, "paging");
    Objects.requireNonNull(resultShape, "resultShape");
    arguments = List.copyOf(arguments);
  }
}
