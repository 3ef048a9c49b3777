package io.streakmcp.generator.model;

import io.streakmcp.generator.records.ParamSpec;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.ArgumentLocation;

/**
 * One tool argument: its snake_case name, Streak's name, where it goes and how it is described.
 *
 * @param name the argument name the model sees
 * @param location path, query or body
 * @param spec the documented parameter
 */
public record ArgumentModel(String name, ArgumentLocation location, ParamSpec spec) {

  /** True when the call cannot be made without it; path parameters always are. */
  public boolean required() {
    return location == ArgumentLocation.PATH || spec.required();
  }

  /** The runtime binding of this argument. */
  public ArgumentBinding binding() {
    boolean repeated = location == ArgumentLocation.QUERY && "array".equals(spec.type());
    return new ArgumentBinding(name, spec.name(), location, repeated);
  }
}
