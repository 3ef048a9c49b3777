package io.streakmcp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http refuses to send: bytes that are not
 * UTF-8, a header twice with different values, odd methods, raw targets. One connection per request
 * ({@code Connection: close}); the body is written on its own thread, so a server that answers
 * before reading it all (413) is heard instead of deadlocking on a full socket.
 */
final class RawHttp {
  private RawHttp() {}

  /** An answer: status, headers in order (names as sent), body bytes. */
  record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    String header(String name) {
      return headers.stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends one request and reads the whole answer.
   *
   * @param headers name-value pairs, sent in order; Host, Content-Length and Connection are added
   *     unless given
   * @param timeout the longest the whole exchange may take; longer is a hang
   */
  static Answer send(
      int port,
      String method,
      String target,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Duration timeout)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      byte[] head = head(port, method, target, headers, body);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.flush();
      Thread writer = null;
      if (body != null && body.length > 0) {
        writer =
            new Thread(
                () -> {
                  try {
                    out.write(body);
                    out.flush();
                  } catch (IOException e) {
                    // The server answered and closed before reading everything: expected for
                    // bodies it refuses by size; the answer is read below.
                  }
                },
                "raw-http-body");
        writer.setDaemon(true);
        writer.start();
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      Answer answer = read(socket.getInputStream(), method, deadline);
      if (writer != null) {
        writer.join(timeout.toMillis());
      }
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static byte[] head(
      int port,
      String method,
      String target,
      List<Map.Entry<String, String>> headers,
      byte[] body) {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    boolean host = false;
    for (Map.Entry<String, String> h : headers) {
      host |= h.getKey().equalsIgnoreCase("host");
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (!host) {
      sb.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    if (body != null) {
      sb.append("Content-Length: ").append(body.length).append("\r\n");
    }
    sb.append("Connection: close\r\n\r\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Answer read(InputStream in, String method, long deadline) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    int headEnd = -1;
    while (headEnd < 0) {
      int n = readSome(in, buf, deadline);
      if (n < 0) {
        throw new IOException("the connection closed before a whole status line and headers");
      }
      all.write(buf, 0, n);
      headEnd = indexOf(all.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    byte[] bytes = all.toByteArray();
    String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
    }
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    rest.write(bytes, headEnd + 4, bytes.length - headEnd - 4);
    Answer partial = new Answer(status, headers, new byte[0]);
    if (method.equals("HEAD") || status == 204 || status == 304) {
      return partial;
    }
    String length = partial.header("content-length");
    boolean chunked =
        "chunked".equalsIgnoreCase(String.valueOf(partial.header("transfer-encoding")));
    // Connection: close was asked for, so the body ends where the connection does; the framing
    // is then checked, not trusted.
    int n;
    while ((n = readSome(in, buf, deadline)) >= 0) {
      rest.write(buf, 0, n);
    }
    byte[] body = rest.toByteArray();
    if (chunked) {
      body = dechunk(body);
    } else if (length != null && Integer.parseInt(length) != body.length) {
      throw new IOException("Content-Length " + length + " but " + body.length + " bytes came");
    }
    return new Answer(status, headers, body);
  }

  private static int readSome(InputStream in, byte[] buf, long deadline) throws IOException {
    if (System.nanoTime() > deadline) {
      throw new SocketTimeoutException("no whole answer within the timeout");
    }
    try {
      return in.read(buf);
    } catch (java.net.SocketException e) {
      // A reset after the server closed its side: whatever came before it is the answer.
      if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("reset")) {
        return -1;
      }
      throw e;
    }
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int eol = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
      if (eol < 0) {
        throw new IOException("a chunk size line without its end");
      }
      String size = new String(chunked, at, eol - at, StandardCharsets.US_ASCII).split(";")[0];
      int n = Integer.parseInt(size.strip(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(chunked, eol + 2, n);
      at = eol + 2 + n + 2;
    }
  }

  static int indexOf(byte[] hay, byte[] needle) {
    return indexOf(hay, 0, needle);
  }

  private static int indexOf(byte[] hay, int from, byte[] needle) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** An event stream held open: its socket, read until a line that starts as asked. */
  static final class OpenStream implements AutoCloseable {
    private final Socket socket;
    private final StringBuilder seen = new StringBuilder();

    private OpenStream(Socket socket) {
      this.socket = socket;
    }

    /** The rest of the first line that starts with {@code prefix}, or null at end of stream. */
    String lineStartingWith(String prefix) throws IOException {
      InputStream in = socket.getInputStream();
      while (true) {
        int at = seen.indexOf("\n" + prefix);
        if (at >= 0) {
          int end = seen.indexOf("\n", at + 1);
          if (end > 0) {
            String line = seen.substring(at + 1 + prefix.length(), end).strip();
            seen.delete(0, end);
            return line;
          }
        }
        int c = in.read();
        if (c < 0) {
          return null;
        }
        seen.append((char) c);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Opens a GET event stream and leaves it open; the caller reads it and closes it. */
  static OpenStream openStream(int port, String target, Duration timeout) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
    socket.setSoTimeout((int) timeout.toMillis());
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + target
                    + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    return new OpenStream(socket);
  }
}
