package io.streakmcp.runtime.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathEncoderTest {

  @Test
  void everyValueStaysInsideItsSegment() {
    assertEquals(
        "/boxes/%2E%2E%2F%2E%2E%2Fv1%2Fusers%2Fme",
        PathEncoder.expand("/boxes/{boxKey}", Map.of("boxKey", "../../v1/users/me")));
    assertEquals("/boxes/%2E%2E", PathEncoder.expand("/boxes/{boxKey}", Map.of("boxKey", "..")));
    assertEquals(
        "/boxes/a%3Fb%23c%0D%0Ad",
        PathEncoder.expand("/boxes/{boxKey}", Map.of("boxKey", "a?b#c\r\nd")));
    assertEquals(
        "/boxes/%C3%A9%20x", PathEncoder.expand("/boxes/{boxKey}", Map.of("boxKey", "é x")));
  }

  @Test
  void severalParametersInOrder() {
    assertEquals(
        "/pipelines/p1/stages/5001",
        PathEncoder.expand(
            "/pipelines/{pipelineKey}/stages/{stageKey}",
            Map.of("pipelineKey", "p1", "stageKey", "5001")));
  }

  @Test
  void aMissingOrEmptyValueIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> PathEncoder.expand("/boxes/{boxKey}", Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PathEncoder.expand("/boxes/{boxKey}", Map.of("boxKey", "")));
  }
}
