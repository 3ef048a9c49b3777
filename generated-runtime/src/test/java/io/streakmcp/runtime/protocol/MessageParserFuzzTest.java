package io.streakmcp.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streakmcp.runtime.fuzz.Fuzz;
import io.streakmcp.runtime.json.Json;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random messages against the JSON-RPC decoder. Each run either decodes to what JSON-RPC 2.0
 * says the message is, or fails with the one error code the spec gives for its fault; nothing else
 * (no other exception, no stack overflow, no internal detail in the message) ever comes out.
 */
class MessageParserFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] MEMBERS = {"jsonrpc", "id", "method", "params", "result", "error"};

  /** What the spec says a decoded value is; an independent statement of the rules. */
  private enum Verdict {
    REQUEST,
    NOTIFICATION,
    RESPONSE,
    INVALID_REQUEST,
    INVALID_PARAMS
  }

  @Test
  void randomMessagesDecodeExactlyAsTheSpecSays() {
    Random r = new Random(Fuzz.SEED);
    Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
    for (int run = 0; run < Fuzz.RUNS; run++) {
      JsonNode node = r.nextInt(10) == 0 ? value(r, 3) : message(r);
      Verdict expected = verdict(node);
      seen.merge(expected, 1, Integer::sum);
      Verdict actual = decode(node, run);
      if (actual != expected) {
        fail(
            "seed " + Fuzz.SEED + " run " + run + ": " + node + " was " + actual + ", not "
                + expected);
      }
      // What survives must pass through unchanged, or tools would see other arguments.
      if (actual == Verdict.REQUEST || actual == Verdict.NOTIFICATION) {
        IncomingMessage m = MessageParser.message(node);
        assertEquals(node.get("method").stringValue(), m.method());
        assertEquals(node.get("id"), m.id());
        JsonNode params = node.get("params");
        assertEquals(params == null || params.isNull() ? Json.object() : params, m.params());
      }
    }
    // Every outcome must have been reached, or the generator is not testing the rules.
    for (Verdict v : Verdict.values()) {
      assertTrue(seen.getOrDefault(v, 0) > Fuzz.RUNS / 200, v + " was generated " + seen.get(v));
    }
  }

  @Test
  void brokenBytesAreAParseErrorOrAMessageAndNothingElse() {
    Random r = new Random(Fuzz.SEED + 1);
    int parseErrors = 0;
    for (int run = 0; run < Fuzz.RUNS; run++) {
      byte[] valid = Fuzz.utf8(Json.write(message(r)));
      byte[] bytes = r.nextInt(20) == 0 ? deep(r) : Fuzz.mutate(r, valid);
      JsonNode node;
      try {
        node = MessageParser.parseJson(bytes);
      } catch (RpcException e) {
        assertEquals(ErrorCodes.PARSE_ERROR, e.code(), "seed " + Fuzz.SEED + " run " + run);
        assertEquals(400, e.httpStatus());
        clean(e.getMessage(), run);
        parseErrors++;
        continue;
      } catch (Throwable t) {
        throw new AssertionError("seed " + Fuzz.SEED + " run " + run + " threw " + t, t);
      }
      // Bytes that are JSON must then get a verdict, like any other value.
      decode(node, run);
      assertEquals(node, MessageParser.parseJson(Fuzz.utf8(Json.write(node))), "round trip");
    }
    assertTrue(parseErrors > Fuzz.RUNS / 4, "most mutations break the JSON: " + parseErrors);
  }

  /** Decodes one value, turning the decoder's answer into a verdict. */
  private static Verdict decode(JsonNode node, int run) {
    try {
      return switch (MessageParser.message(node).kind()) {
        case REQUEST -> Verdict.REQUEST;
        case NOTIFICATION -> Verdict.NOTIFICATION;
        case RESPONSE -> Verdict.RESPONSE;
      };
    } catch (RpcException e) {
      clean(e.getMessage(), run);
      if (e.code() == ErrorCodes.INVALID_REQUEST && e.httpStatus() == 400) {
        return Verdict.INVALID_REQUEST;
      }
      if (e.code() == ErrorCodes.INVALID_PARAMS) {
        return Verdict.INVALID_PARAMS;
      }
      throw new AssertionError("run " + run + ": unexpected code " + e.code(), e);
    } catch (Throwable t) {
      throw new AssertionError(
          "seed " + Fuzz.SEED + " run " + run + ": " + node + " threw " + t, t);
    }
  }

  /** JSON-RPC 2.0, restated from the spec rather than from the code under test. */
  private static Verdict verdict(JsonNode n) {
    if (!n.isObject()) {
      return Verdict.INVALID_REQUEST;
    }
    JsonNode version = n.get("jsonrpc");
    JsonNode id = n.get("id");
    JsonNode method = n.get("method");
    JsonNode params = n.get("params");
    boolean goodId = id == null || id.isString() || id.isIntegralNumber();
    if (version == null || !version.isString() || !version.stringValue().equals("2.0") || !goodId) {
      return Verdict.INVALID_REQUEST;
    }
    if (method == null) {
      return id != null && (n.has("result") || n.has("error"))
          ? Verdict.RESPONSE
          : Verdict.INVALID_REQUEST;
    }
    if (!method.isString() || method.stringValue().isEmpty()) {
      return Verdict.INVALID_REQUEST;
    }
    if (params != null && !params.isObject() && !params.isNull()) {
      return Verdict.INVALID_PARAMS;
    }
    return id == null ? Verdict.NOTIFICATION : Verdict.REQUEST;
  }

  /** An object with a random subset of the JSON-RPC members, each mostly well-formed. */
  private static ObjectNode message(Random r) {
    ObjectNode m = Json.object();
    for (String member : MEMBERS) {
      if (r.nextInt(5) < (member.equals("result") || member.equals("error") ? 1 : 4)) {
        m.set(member, member(r, member));
      }
    }
    if (r.nextInt(8) == 0) {
      m.set(Fuzz.text(r, 6), value(r, 2));
    }
    return m;
  }

  private static JsonNode member(Random r, String member) {
    if (r.nextInt(4) == 0) {
      return value(r, 2);
    }
    return switch (member) {
      case "jsonrpc" -> NODES.stringNode(r.nextInt(6) == 0 ? "1.0" : "2.0");
      case "id" ->
          r.nextBoolean() ? NODES.numberNode(r.nextLong()) : NODES.stringNode(Fuzz.text(r, 8));
      case "method" -> NODES.stringNode(r.nextBoolean() ? "tools/call" : Fuzz.text(r, 12));
      case "params" -> r.nextInt(5) == 0 ? NODES.nullNode() : object(r, 2);
      default -> object(r, 1);
    };
  }

  /** Any JSON value, nested up to {@code depth}. */
  private static JsonNode value(Random r, int depth) {
    int kinds = depth > 0 ? 9 : 7;
    return switch (r.nextInt(kinds)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2 -> NODES.numberNode(r.nextInt());
      case 3 -> NODES.numberNode(r.nextDouble() * 1e6);
      case 4 -> NODES.numberNode(new java.math.BigInteger(80, r));
      case 5, 6 -> NODES.stringNode(Fuzz.text(r, 10));
      case 7 -> object(r, depth - 1);
      default -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(value(r, depth - 1));
        }
        yield a;
      }
    };
  }

  private static ObjectNode object(Random r, int depth) {
    ObjectNode o = Json.object();
    for (int i = r.nextInt(4); i > 0; i--) {
      o.set(Fuzz.text(r, 6), value(r, depth));
    }
    return o;
  }

  /** Nesting around the decoder's depth limit, in arrays or objects, closed or not. */
  private static byte[] deep(Random r) {
    int depth = Json.MAX_DEPTH - 5 + r.nextInt(20) + (r.nextInt(10) == 0 ? 100_000 : 0);
    boolean objects = r.nextBoolean();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append(objects ? "{\"a\":" : "[");
    }
    b.append('1');
    if (r.nextBoolean()) {
      b.append((objects ? "}" : "]").repeat(depth));
    }
    return Fuzz.utf8(b.toString());
  }

  /**
   * An error message is for the client: no Java class names, no parser internals such as Jackson's
   * "[Source: ...; line: 1, column: 5]", which would repeat the body. Our own "at line 1, column 5"
   * is allowed: it tells the client where to look.
   */
  private static void clean(String message, int run) {
    for (String leak :
        new String[] {"Exception", "jackson", "Source:", "line:", "java.", "Json", "Feature"}) {
      if (message.contains(leak)) {
        fail("run " + run + ": the error message shows internals: " + message);
      }
    }
  }
}
