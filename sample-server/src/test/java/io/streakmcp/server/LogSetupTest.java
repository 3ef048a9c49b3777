package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The logging set up in code: format, levels and refusals, on a private logger context. */
class LogSetupTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private LoggerContext configured(Map<String, String> env) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's start-up gives its own context
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setOutputStream(out);
    LogSetup.apply(context, env, appender);
    return context;
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void textIsTheDefaultWithKeyValuePairsAndLibrariesAtWarn() {
    LoggerContext context = configured(Map.of());
    context
        .getLogger("io.streakmcp.runtime.admin")
        .atInfo()
        .addKeyValue("server", "s1")
        .log("server created");
    context.getLogger("org.eclipse.jetty.server").info("started");
    context.getLogger("org.eclipse.jetty.server").warn("low on threads");

    List<String> lines = lines();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(
        lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT.* INFO .* - server created server=\"s1\""),
        lines.get(0));
    assertTrue(
        lines.get(1).contains("WARN") && lines.get(1).endsWith("low on threads "), lines.get(1));
  }

  @Test
  void jsonWritesOneObjectPerLine() {
    LoggerContext context = configured(Map.of(LogSetup.FORMAT, "json"));
    context.getLogger("io.streakmcp.calls").atInfo().addKeyValue("tool", "t").log("tool call");

    List<String> lines = lines();
    assertEquals(1, lines.size());
    JsonNode line = JsonMapper.shared().readTree(lines.get(0));
    assertEquals("INFO", line.get("level").asString());
    assertEquals("io.streakmcp.calls", line.get("loggerName").asString());
    assertEquals("tool call", line.get("formattedMessage").asString());
    assertEquals("t", line.get("kvpList").get(0).get("tool").asString());
    assertFalse(line.has("message"), "only the formatted message: " + line);
  }

  @Test
  void levelsSteerOursAndTheCallLinesApart() {
    LoggerContext context =
        configured(Map.of(LogSetup.LEVEL, "DEBUG", LogSetup.CALL_LEVEL, "WARN"));
    context.getLogger("io.streakmcp.runtime").debug("detail");
    context.getLogger("io.streakmcp.calls").info("tool call");

    assertEquals(1, lines().size(), lines().toString());
    assertTrue(lines().get(0).contains("detail"));
    assertTrue(context.getLogger(Logger.ROOT_LOGGER_NAME).isWarnEnabled());
  }

  @Test
  void badValuesAreRefusedByNameWithTheValidOnes() {
    assertEquals(
        List.of(
            "STREAK_MCP_LOG_FORMAT must be text or json, got xml",
            "STREAK_MCP_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF; got loud"),
        LogSetup.problems(Map.of(LogSetup.FORMAT, "xml", LogSetup.LEVEL, "loud")));
    Options.UsageException e =
        assertThrows(
            Options.UsageException.class,
            () -> Main.checkLogSettings(Map.of(LogSetup.CALL_LEVEL, "info")));
    assertTrue(
        e.getMessage().startsWith("STREAK_MCP_CALL_LOG_LEVEL must be one of"), e.getMessage());
    assertTrue(LogSetup.problems(Map.of(LogSetup.FORMAT, "json", LogSetup.LEVEL, "OFF")).isEmpty());
  }
}
