package io.streakmcp.generator.mojo;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.RecordSetException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Logs every record problem in javac's shape, then fails the build with the summary. */
final class DiagnosticLog {
  private DiagnosticLog() {}

  static MojoFailureException fail(Log log, RecordSetException e) {
    for (Diagnostic d : e.diagnostics()) {
      log.error(d.format());
    }
    log.error(e.summary());
    return new MojoFailureException(e.summary(), e);
  }

  static void lines(Log log, String text) {
    text.lines().forEach(log::info);
  }
}
