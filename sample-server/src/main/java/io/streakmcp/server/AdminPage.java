package io.streakmcp.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin web page at {@code /admin}: one HTML page, its script and its style sheet, read from
 * the jar once. The page itself holds nothing secret; everything it shows comes from the admin API
 * with the platform token the user pastes, which the script keeps in session storage only.
 */
final class AdminPage extends Handler.Abstract {
  /**
   * Only this origin's own script, style and API; no inline code, no frames, no referrer. A token
   * in session storage is only as safe as the page is from injected script.
   */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private record Asset(String type, byte[] bytes) {}

  private final Map<String, Asset> assets =
      Map.of(
          "/admin", asset("index.html", "text/html; charset=utf-8"),
          "/admin/", asset("index.html", "text/html; charset=utf-8"),
          "/admin/admin.js", asset("admin.js", "text/javascript; charset=utf-8"),
          "/admin/admin.css", asset("admin.css", "text/css; charset=utf-8"),
          "/admin/favicon.svg", asset("favicon.svg", "image/svg+xml"));

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals("/admin") && !path.startsWith("/admin/")) {
      return false;
    }
    Asset asset = assets.get(path);
    if (asset == null) {
      return false; // Jetty's JSON 404
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setStatus(405);
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      callback.succeeded();
      return true;
    }
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, asset.type());
    headers.put("Content-Security-Policy", POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    // Served from the jar: a new jar is a new page, so always ask.
    headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
    headers.put(HttpHeader.CONTENT_LENGTH, asset.bytes().length);
    if (method.equals("HEAD")) {
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(asset.bytes()), callback);
    }
    return true;
  }

  private static Asset asset(String name, String type) {
    try (InputStream in = AdminPage.class.getResourceAsStream("/admin/" + name)) {
      if (in == null) {
        throw new IllegalStateException("admin page asset missing from the jar: " + name);
      }
      return new Asset(type, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
