package io.streakmcp.runtime.live;

import java.util.List;

/**
 * What one account's pipelines look like right now.
 *
 * @param pipelines every pipeline the account sees, in Streak's order
 * @param fingerprint changes whenever a pipeline, stage or field is added, renamed or removed
 */
public record AccountSchema(List<Pipeline> pipelines, String fingerprint) {

  public AccountSchema {
    pipelines = List.copyOf(pipelines);
  }

  /** A pipeline with its stages (in stage order) and custom fields. */
  public record Pipeline(String key, String name, List<Option> stages, List<Field> fields) {
    public Pipeline {
      stages = List.copyOf(stages);
      fields = List.copyOf(fields);
    }
  }

  /**
   * A custom field.
   *
   * @param type Streak's type: TEXT_INPUT, DATE, CHECKBOX, DROPDOWN, TAG, PERSON, FORMULA, ...
   * @param options dropdown items or tags, as key and name
   */
  public record Field(String key, String name, String type, List<Option> options) {
    public Field {
      options = List.copyOf(options);
    }
  }

  /** A key and the name people use for it. */
  public record Option(String key, String name) {}
}
