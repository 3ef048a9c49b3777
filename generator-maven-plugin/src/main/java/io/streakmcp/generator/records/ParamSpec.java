package io.streakmcp.generator.records;

import io.streakmcp.generator.diagnostics.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * A documented parameter or body property, or an item or nested property of one.
 *
 * @param name Streak's name for it
 * @param type the JSON type
 * @param description what it is, for the model; null for array items
 * @param required whether the call needs it
 * @param source the tool whose results supply this key, or null
 * @param enumValues the allowed values, or empty
 * @param minimum the lower bound, or null
 * @param maximum the upper bound, or null
 * @param items the element schema of an array, or null
 * @param properties the properties of an object, in file order
 * @param position where it starts in its file
 * @param jsonPath where it sits in its document
 */
public record ParamSpec(
    String name,
    String type,
    String description,
    boolean required,
    String source,
    List<String> enumValues,
    Double minimum,
    Double maximum,
    ParamSpec items,
    Map<String, ParamSpec> properties,
    SourcePosition position,
    String jsonPath) {}
