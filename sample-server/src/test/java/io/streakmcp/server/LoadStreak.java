package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Streak as the load test sees it: the answers to every path the {@link LoadCall}s reach, the same
 * for every account's key, and a rate limit on one box key.
 */
final class LoadStreak {
  /** The box whose reads Streak refuses with a 429; the runtime must pass it through. */
  static final String LIMITED_BOX = "limited";

  static final String RETRY_AFTER = "7";
  static final String LIMIT = "600";

  /**
   * WireMock for a long run. Its request journal keeps every request it served, which over 100k
   * calls is memory growth in this JVM that is not the server's; the load never verifies requests,
   * so the journal is off. Enough container threads that the stand-in is not the bottleneck of 64
   * callers.
   */
  static WireMockConfiguration options() {
    return WireMockConfiguration.options()
        .dynamicPort()
        .disableRequestJournal()
        .containerThreads(CONTAINER_THREADS)
        .jettyAcceptors(2);
  }

  static final int CONTAINER_THREADS = 96;

  /** The name its Jetty gives the threads of its pool ("qtp" and a number); the server's differ. */
  static final String POOL = "qtp";

  /**
   * The most threads that pool may hold: its size, besides the acceptors and selectors, and what
   * other WireMock servers of the test JVM keep (a few each).
   */
  static final int POOL_BOUND = CONTAINER_THREADS + 32;

  static void stub(WireMockServer streak) {
    // The live schema: one pipeline with stages and a field, folded into the box tools.
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/pipelines"))
            .willReturn(
                okJson(
                    "[{\"key\":\"p1\",\"name\":\"Sales\",\"stageOrder\":[\"5001\",\"5002\"],"
                        + "\"stages\":{\"5001\":{\"key\":\"5001\",\"name\":\"Lead\"},"
                        + "\"5002\":{\"key\":\"5002\",\"name\":\"Won\"}},"
                        + "\"fields\":[{\"key\":\"1001\",\"name\":\"Deal size\","
                        + "\"type\":\"TEXT_INPUT\"}]}]")));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(
                okJson(
                    "{\"key\":\"b1\",\"boxKey\":\"b1\",\"pipelineKey\":\"p1\","
                        + "\"name\":\"Acme Corp Renewal\",\"stageKey\":\"5001\","
                        + "\"fields\":{\"1001\":\"40k\"},\"notes\":null}")));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/" + LIMITED_BOX))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", RETRY_AFTER)
                    .withHeader("X-RateLimit-Limit", LIMIT)
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", RETRY_AFTER)));
    streak.stubFor(
        get(urlPathEqualTo("/api/v2/tasks/t1"))
            .willReturn(
                okJson(
                    "{\"key\":\"t1\",\"boxKey\":\"b1\",\"text\":\"Send the contract\","
                        + "\"status\":\"NOT_DONE\",\"dueDate\":1795000000000}")));
    // Five boxes in Streak's page/limit style, three to a page: a first page with a cursor, a last
    // page without one.
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/pipelines/p1/boxes"))
            .withQueryParam("page", equalTo("0"))
            .withQueryParam("limit", equalTo("3"))
            .willReturn(okJson("{\"results\":[" + boxes(0, 3) + "],\"hasNextPage\":true}")));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/pipelines/p1/boxes"))
            .withQueryParam("page", equalTo("1"))
            .withQueryParam("limit", equalTo("3"))
            .willReturn(okJson("{\"results\":[" + boxes(3, 5) + "],\"hasNextPage\":false}")));
    streak.stubFor(
        post(urlPathEqualTo("/api/v2/boxes/b1/comments"))
            .willReturn(
                okJson(
                    "{\"key\":\"c1\",\"boxKey\":\"b1\",\"pipelineKey\":\"p1\","
                        + "\"creatorKey\":\"u1\",\"message\":\"Called the customer\","
                        + "\"timestamp\":1795000000000}")));
  }

  private static String boxes(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      out.append(i > from ? "," : "")
          .append("{\"key\":\"b")
          .append(i)
          .append("\",\"pipelineKey\":\"p1\",\"stageKey\":\"5001\",\"name\":\"Box ")
          .append(i)
          .append("\"}");
    }
    return out.toString();
  }

  private LoadStreak() {}
}
