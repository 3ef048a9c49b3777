package io.streakmcp.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, each with an environment twin. A flag wins
 * over its variable. Unknown or repeated flags are errors that name the valid ones.
 */
final class Options {
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> env;

  Options(List<String> args, Set<String> known, Map<String, String> env) {
    this.env = env;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
        throw new UsageException(
            "unknown option "
                + arg
                + "; valid: --"
                + String.join(", --", known.stream().sorted().toList()));
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(arg + " needs a value");
      }
      if (values.put(arg.substring(2), args.get(++i)) != null) {
        throw new UsageException(arg + " is given twice");
      }
    }
  }

  /** Whether the flag itself was given (not only its variable). */
  boolean given(String name) {
    return values.containsKey(name);
  }

  /** The flag's value, else the environment variable's, else the default. */
  String get(String name, String envName, String fallback) {
    String v = values.get(name);
    if (v == null && envName != null) {
      v = env.get(envName);
    }
    return v == null || v.isBlank() ? fallback : v;
  }

  String required(String name, String envName) {
    String v = get(name, envName, null);
    if (v == null) {
      throw new UsageException(
          "--" + name + (envName == null ? "" : " (or " + envName + ")") + " is required");
    }
    return v;
  }

  int port(String name, String envName, int fallback) {
    String v = get(name, envName, Integer.toString(fallback));
    try {
      int port = Integer.parseInt(v);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a port number from 0 to 65535, got " + v);
    }
  }

  /** A configuration mistake: the message says what was wrong and what is valid. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }
}
