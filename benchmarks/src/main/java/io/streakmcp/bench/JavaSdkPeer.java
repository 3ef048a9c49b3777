package io.streakmcp.bench;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Peer (c): what a team would build on the official MCP Java SDK. Its stateless servlet transport
 * on Jetty 12 (ee11) serves the same tools from {@code tools.json}, and each call proxies to Streak
 * the plain way: path keys filled in, query and body from the arguments, the answer as text. No
 * argument validation beyond the SDK's, no paging and no live schema.
 *
 * <p>Usage: {@code JavaSdkPeer <port> <streak base URL> <api key> <tools.json>}
 */
public final class JavaSdkPeer {
  private JavaSdkPeer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String streak = args[1];
    String key = args[2];
    JsonNode tools = JsonMapper.shared().readTree(Files.readString(Path.of(args[3])));
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String auth =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));

    List<SyncToolSpecification> specs = new ArrayList<>();
    for (JsonNode t : tools) {
      McpSchema.Tool tool =
          McpSchema.Tool.builder(t.path("name").asString(), json, t.path("inputSchema").toString())
              .description(t.path("description").asString())
              .build();
      specs.add(
          new SyncToolSpecification(
              tool,
              (context, request) -> {
                try {
                  HttpResponse<String> r =
                      http.send(
                          request(streak, auth, t, request.arguments()),
                          HttpResponse.BodyHandlers.ofString());
                  return McpSchema.CallToolResult.builder()
                      .addTextContent(r.body())
                      .isError(r.statusCode() >= 400)
                      .build();
                } catch (Exception e) {
                  return McpSchema.CallToolResult.builder()
                      .addTextContent("Streak call failed: " + e)
                      .isError(true)
                      .build();
                }
              }));
    }
    HttpServletStatelessServerTransport transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(json)
            .messageEndpoint("/mcp")
            .build();
    McpServer.sync(transport)
        .serverInfo("java-sdk-peer", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .jsonMapper(json)
        .tools(specs)
        .build();

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/mcp");
    server.setHandler(context);
    server.start();
    System.out.println("java-sdk-peer listening on " + connector.getLocalPort());
    server.join();
  }

  private static HttpRequest request(
      String streak, String auth, JsonNode tool, Map<String, Object> arguments) {
    String path = tool.path("path").asString();
    StringBuilder query = new StringBuilder();
    ObjectNode body = JsonMapper.shared().createObjectNode();
    for (JsonNode a : tool.path("arguments")) {
      Object v = arguments == null ? null : arguments.get(a.path("argument").asString());
      if (v == null) {
        continue;
      }
      String api = a.path("apiName").asString();
      switch (a.path("location").asString()) {
        case "PATH" ->
            path =
                path.replace(
                    "{" + api + "}",
                    URLEncoder.encode(v.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        case "QUERY" ->
            query
                .append(query.length() == 0 ? '?' : '&')
                .append(api)
                .append('=')
                .append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
        default -> body.set(api, JsonMapper.shared().valueToTree(v));
      }
    }
    String verb = tool.path("verb").asString();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(streak + path + query))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth);
    return verb.equals("GET") || verb.equals("DELETE")
        ? b.method(verb, HttpRequest.BodyPublishers.noBody()).build()
        : b.header("Content-Type", "application/json")
            .method(verb, HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
  }
}
