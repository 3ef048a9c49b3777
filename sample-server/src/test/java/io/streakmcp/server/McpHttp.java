package io.streakmcp.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare HTTP client for protocol tests: exact bytes in, status, headers and JSON out. */
final class McpHttp {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** HTTP/1.1, which is what the server speaks: no h2c upgrade offered on every request. */
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /** What a request without a timeout of its own may take, to its headers. */
  static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

  /**
   * {@link HttpClient#send}, with a wait this code bounds itself: the request's own timeout (or
   * {@link #DEFAULT_LIMIT}) plus the connect timeout and a margin. The client's timeouts are kept
   * by its selector thread; should that thread stop, a plain send would wait forever and hold the
   * build until CI's limit, where this one fails the test.
   */
  static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    Duration limit = request.timeout().orElse(DEFAULT_LIMIT).plus(CONNECT_TIMEOUT).plusSeconds(5);
    CompletableFuture<HttpResponse<T>> answer = CLIENT.sendAsync(request, body);
    try {
      return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(request.method() + " " + request.uri() + " failed", e.getCause());
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new HttpTimeoutException(
          request.method() + " " + request.uri() + ": the HTTP client gave no answer in " + limit);
    }
  }

  record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
    JsonNode json() {
      return JsonMapper.shared().readTree(body);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  static Answer post(URI url, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().map(), r.body());
  }

  /**
   * An admin API request: {@code body} is sent as JSON when given, {@code token} as the Bearer
   * platform token when given.
   */
  static Answer admin(URI url, String method, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().map(), r.body());
  }

  static String initialize(String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  }

  static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}";
  }

  private McpHttp() {}
}
