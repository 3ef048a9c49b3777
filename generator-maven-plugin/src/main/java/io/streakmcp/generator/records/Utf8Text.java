package io.streakmcp.generator.records;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.diagnostics.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a record file as strict UTF-8. A file saved in another encoding would otherwise turn into
 * replacement characters in every generated description, or stop the build with a bare exception;
 * instead it gets a diagnostic at the first bad byte.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** The decoded text, or the diagnostic for the first byte that is not UTF-8. */
  static Result decode(Path file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      return new Result(null, Optional.of(badByte(file, bytes, offset)));
    }
    decoder.flush(out);
    return new Result(out.flip().toString(), Optional.empty());
  }

  private static Diagnostic badByte(Path file, byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Diagnostic(
        DiagnosticCode.DOC_NOT_UTF8,
        new SourcePosition(file, line, offset - lineStart + 1),
        "$",
        "UTF-8 text",
        String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset));
  }

  /**
   * @param text the decoded text, or null
   * @param problem the encoding problem, if any
   */
  record Result(String text, Optional<Diagnostic> problem) {}
}
