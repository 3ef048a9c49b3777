package io.streakmcp.runtime.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a body is UTF-8, strictly, before it is parsed as JSON. Jackson guesses: it reads
 * UTF-16 and UTF-32 bodies by their zero bytes, and decodes overlong forms (C0 AF as "/"), so a
 * value could arrive as something other than the bytes a filter in front of us saw. JSON on the
 * wire is UTF-8 only (RFC 8259 section 8.1); a leading UTF-8 byte-order mark is tolerated, as that
 * RFC allows.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * Why the bytes are not UTF-8 JSON text, naming the byte offset; null when they are. A NUL byte
   * is refused too: JSON allows it nowhere unescaped, and it is how UTF-16 and UTF-32 text looks.
   */
  public static String problem(byte[] bytes) {
    int i = 0;
    // Most bodies are ASCII: check those bytes without a decoder.
    while (i < bytes.length && bytes[i] > 0) {
      i++;
    }
    if (i == bytes.length) {
      return null;
    }
    if (bytes[i] == 0) {
      return nul(i);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return "the body is not valid UTF-8: an invalid byte sequence at byte offset "
            + in.position()
            + " (JSON must be sent as UTF-8)";
      }
      for (int k = 0; k < out.position(); k++) {
        if (out.get(k) == 0) {
          // The offset of that NUL: find it in the bytes, which is where it is.
          for (int b = 0; b < bytes.length; b++) {
            if (bytes[b] == 0) {
              return nul(b);
            }
          }
        }
      }
      out.clear();
      if (r.isUnderflow()) {
        r = decoder.flush(out);
        return r.isError()
            ? "the body is not valid UTF-8: it ends inside a character, at byte offset "
                + bytes.length
            : null;
      }
    }
  }

  private static String nul(int offset) {
    return "the body is not valid UTF-8 JSON: a NUL byte at byte offset "
        + offset
        + " (UTF-16 and UTF-32 are not accepted; send UTF-8)";
  }
}
