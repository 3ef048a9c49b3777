package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The few Streak answers the client tests need. */
final class StreakStubs {
  /** A real Streak client pointed at the stand-in, with short timeouts. */
  static io.streakmcp.runtime.streak.StreakClient client(WireMockServer streak, String apiKey) {
    return new io.streakmcp.runtime.streak.StreakClient(
        io.streakmcp.runtime.streak.StreakClient.httpClient(java.time.Duration.ofSeconds(2)),
        java.net.URI.create(streak.baseUrl() + "/api"),
        apiKey,
        java.time.Duration.ofSeconds(2),
        java.time.Clock.systemUTC());
  }

  static void pipelinesAndABox(WireMockServer streak) {
    streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"key\":\"p1\",\"name\":\"Sales\"},{\"key\":\"p2\",\"name\":\"Hiring\"}],"
                        + "\"hasNextPage\":false}")));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(
                okJson(
                    "{\"key\":\"b1\",\"boxKey\":\"b1\",\"name\":\"Acme Corp Renewal\",\"stageKey\":\"5001\","
                        + "\"notes\":null}")));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/missing"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"success\":false,\"error\":\"existing entity does not exist\"}")));
  }

  private StreakStubs() {}
}
