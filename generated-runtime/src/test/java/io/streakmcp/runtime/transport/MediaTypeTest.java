package io.streakmcp.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypeTest {

  @Test
  void contentTypeIsJsonOnlyWhenItIsJsonInUtf8() {
    for (String json :
        new String[] {
          "application/json",
          "Application/JSON",
          "application/json; charset=utf-8",
          "application/json ;charset=\"UTF-8\"",
          "application/json;"
        }) {
      assertTrue(MediaType.isJson(json), json);
    }
    for (String other :
        new String[] {
          "application/jsonx",
          "application/json-patch+json",
          "application/json-seq",
          "application/json+x",
          "xapplication/json",
          "text/json",
          "application/json; charset=utf-16",
          "application/json; boundary",
          "",
          "*/*"
        }) {
      assertFalse(MediaType.isJson(other), other);
    }
    assertFalse(MediaType.isJson(null));
  }

  @Test
  void acceptTakesATypeByNameOrWildcardWithAPositiveQuality() {
    String json = MediaType.JSON;
    String events = MediaType.EVENT_STREAM;
    assertTrue(MediaType.accepts(null, json));
    assertTrue(MediaType.accepts("application/json, text/event-stream", events));
    assertTrue(MediaType.accepts("text/*", events));
    assertTrue(MediaType.accepts("*/*;q=0.1", json));
    assertTrue(MediaType.accepts("text/html, application/*", json));
    assertFalse(MediaType.accepts("application/jsonx", json));
    assertFalse(MediaType.accepts("text/event-streamx", events));
    assertFalse(MediaType.accepts("application/json;q=0", json));
    assertFalse(MediaType.accepts("application/json;q=x", json));
    assertFalse(MediaType.accepts("text/*", json));
    assertFalse(MediaType.accepts("", json));
  }

  @Test
  void theMostSpecificMatchingRangeDecides() {
    String json = MediaType.JSON;
    assertFalse(MediaType.accepts("application/json;q=0, */*", json));
    assertFalse(MediaType.accepts("*/*, application/*;q=0", json));
    assertTrue(MediaType.accepts("*/*;q=0, application/json", json));
    assertTrue(MediaType.accepts("application/*;q=0, application/json;q=0.5", json));
    assertFalse(MediaType.accepts("application/json;q=0, text/event-stream", json));
    assertTrue(MediaType.accepts("application/json;q=0, application/json", json));
  }
}
