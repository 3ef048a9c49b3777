package io.streakmcp.server.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streak's routes as templates ({@code /v1/boxes/{boxKey}}), matched segment by segment against an
 * already-decoded path. Routes are tried in the order they were added, so a literal route ({@code
 * /v1/users/me}) added before a keyed one ({@code /v1/users/{userKey}}) wins.
 */
final class Router {
  /** What a route does with a call; the answer is serialised as JSON. */
  @FunctionalInterface
  interface Operation {
    Object run(Call call);
  }

  record Match(Operation operation, Map<String, String> keys) {}

  private record Route(String method, String[] segments, Operation operation) {}

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String template, Operation operation) {
    routes.add(new Route(method, split(template), operation));
    return this;
  }

  /** The route for a method and decoded path segments, if one matches. */
  Optional<Match> find(String method, List<String> segments) {
    for (Route r : routes) {
      if (!r.method().equals(method) || r.segments().length != segments.size()) {
        continue;
      }
      Map<String, String> keys = bind(r.segments(), segments);
      if (keys != null) {
        return Optional.of(new Match(r.operation(), keys));
      }
    }
    return Optional.empty();
  }

  /** The methods some route accepts on this path (for a 405's Allow header). */
  List<String> methodsFor(List<String> segments) {
    List<String> out = new ArrayList<>();
    for (Route r : routes) {
      if (r.segments().length == segments.size()
          && bind(r.segments(), segments) != null
          && !out.contains(r.method())) {
        out.add(r.method());
      }
    }
    return out;
  }

  private static Map<String, String> bind(String[] template, List<String> segments) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      String s = segments.get(i);
      if (t.startsWith("{")) {
        if (s.isEmpty()) {
          return null;
        }
        keys.put(t.substring(1, t.length() - 1), s);
      } else if (!t.equals(s)) {
        return null;
      }
    }
    return keys;
  }

  private static String[] split(String template) {
    return template.substring(1).split("/");
  }
}
