package io.streakmcp.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The server's logging, set up in code rather than from a logback.xml: logback's XML configurator
 * loads some 400 classes and an XML parser, a fifth of the cold start. Logback finds this class
 * through {@code META-INF/services}.
 *
 * <p>Logs go to stderr (stdout carries the stdio transport and the start-up guide). Three variables
 * steer them: {@code STREAK_MCP_LOG_FORMAT} is {@code text} (default) or {@code json} (one JSON
 * object per line, key-value pairs included); {@code STREAK_MCP_LOG_LEVEL} is the level of the
 * server's own logs and {@code STREAK_MCP_CALL_LOG_LEVEL} that of the per-call lines (both INFO by
 * default; WARN silences the calls). Libraries speak at WARN only.
 *
 * <p>An operator's own file still wins: with {@code -Dlogback.configurationFile} set, or a
 * logback-test.xml on the class path (the tests), this steps aside for logback's XML configurator.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String FORMAT = "STREAK_MCP_LOG_FORMAT";
  static final String LEVEL = "STREAK_MCP_LOG_LEVEL";
  static final String CALL_LEVEL = "STREAK_MCP_CALL_LOG_LEVEL";
  private static final Set<String> FORMATS = Set.of("text", "json");
  private static final List<String> LEVELS =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  /** ISO 8601 time with its UTC offset ({@code XXX} is the offset's pattern letter, e.g. Z). */
  private static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg %kvp%n%ex";

  /** Logback's public no-argument constructor for the service loader. */
  public LogSetup() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    boolean ownFile =
        System.getProperty("logback.configurationFile") != null
            || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null;
    if (ownFile) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // Main has refused bad values before the first log line; defaults cover any other entry point.
    Map<String, String> env = System.getenv();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setTarget("System.err");
    apply(context, problems(env).isEmpty() ? env : Map.of(), stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** What is wrong with the logging variables, one sentence each; empty when they are valid. */
  static List<String> problems(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String format = env.get(FORMAT);
    if (format != null && !FORMATS.contains(format)) {
      problems.add(FORMAT + " must be text or json, got " + format);
    }
    for (String name : List.of(LEVEL, CALL_LEVEL)) {
      String level = env.get(name);
      if (level != null && !LEVELS.contains(level)) {
        problems.add(name + " must be one of " + String.join(", ", LEVELS) + "; got " + level);
      }
    }
    return problems;
  }

  /**
   * Sends the context's logs through {@code appender} (not started yet; its stream set) as the
   * valid variables in {@code env} say.
   */
  static void apply(
      LoggerContext context,
      Map<String, String> env,
      OutputStreamAppender<ILoggingEvent> appender) {
    // Logback's own status lines would otherwise reach stdout when something goes wrong.
    context.getStatusManager().add(new NopStatusListener());
    Encoder<ILoggingEvent> encoder =
        "json".equals(env.get(FORMAT)) ? jsonEncoder() : textEncoder(context);
    encoder.setContext(context);
    encoder.start();
    appender.setName(env.getOrDefault(FORMAT, "text"));
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("io.streakmcp").setLevel(Level.toLevel(env.getOrDefault(LEVEL, "INFO")));
    context
        .getLogger("io.streakmcp.calls")
        .setLevel(Level.toLevel(env.getOrDefault(CALL_LEVEL, "INFO")));
  }

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    return encoder;
  }

  private static Encoder<ILoggingEvent> jsonEncoder() {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    return encoder;
  }
}
