package io.streakmcp.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "nul", "{\"a\":1}{", "\"unterminated"})
  void notJsonIsAParseError(String body) {
    RpcException e =
        assertThrows(
            RpcException.class,
            () -> MessageParser.parseJson(body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCodes.PARSE_ERROR, e.code());
    assertEquals(400, e.httpStatus());
  }

  /** A parse error says why and where, so a client author can find the fault in their body. */
  @Test
  void aParseErrorSaysWhereAndWhy() {
    String[][] cases = {
      {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2}",
        "line 1, column 29",
        "a field given twice (\"id\")"
      },
      {"{\"jsonrpc\":\"2.0\",\n \"id\":1,,}", "line 2, column ", "an unexpected character ','"},
      {"[1, 2", "line 1, column 6", "it ends before the JSON is complete"},
    };
    for (String[] c : cases) {
      RpcException e =
          assertThrows(
              RpcException.class,
              () -> MessageParser.parseJson(c[0].getBytes(StandardCharsets.UTF_8)));
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      assertTrue(e.getMessage().contains(c[2]), e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null",
        "42",
        "{\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
      })
  void notOneJsonRpcMessageIsInvalidRequest(String json) {
    RpcException e =
        assertThrows(RpcException.class, () -> MessageParser.message(Json.MAPPER.readTree(json)));
    assertEquals(ErrorCodes.INVALID_REQUEST, e.code());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}|REQUEST",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\",\"params\":{}}|REQUEST",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}|NOTIFICATION",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}|RESPONSE",
      })
  void validMessagesAreClassified(String json, IncomingMessage.Kind kind) {
    assertEquals(kind, MessageParser.message(Json.MAPPER.readTree(json)).kind());
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 200})
  void nestingBeyondTheLimitIsRefused(int depth) {
    String deep = "[".repeat(depth) + "]".repeat(depth);
    assertThrows(
        RpcException.class, () -> MessageParser.parseJson(deep.getBytes(StandardCharsets.UTF_8)));
  }
}
