package io.streakmcp.runtime.tool;

import java.util.Objects;

/**
 * Binds one tool argument (snake_case, as the model sees it) to Streak's name and its place in the
 * request.
 *
 * @param argument the argument name in the tool's input schema
 * @param apiName Streak's name for the value
 * @param location path, query or body
 * @param repeated for query arrays: send the parameter once per element
 */
public record ArgumentBinding(
    String argument, String apiName, ArgumentLocation location, boolean repeated) {

  public ArgumentBinding {
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(apiName, "apiName");
    Objects.requireNonNull(location, "location");
  }
}
