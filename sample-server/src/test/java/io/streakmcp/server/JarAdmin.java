package io.streakmcp.server;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * A running jar's admin API, called with the platform token the way its operator would, for the
 * tests that kill and restart it. Anything but a 2xx answer fails the test.
 */
record JarAdmin(String token) {

  JsonNode call(ServeJar jar, String method, String path, String body) throws Exception {
    McpHttp.Answer r = McpHttp.admin(URI.create(jar.baseUrl() + path), method, body, token);
    if (r.status() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  /** tools/list at an MCP URL (revision 2025-11-25); the caller judges the status. */
  static McpHttp.Answer toolsList(String url) throws Exception {
    return McpHttp.post(
        URI.create(url),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
        "MCP-Protocol-Version",
        "2025-11-25");
  }

  /** 18 random bytes as URL-safe text: names, keys and tokens no test run repeats. */
  static String randomText() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
  }

  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
