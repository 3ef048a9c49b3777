package io.streakmcp.generator.mojo;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the check goal's allow-list: methods left undocumented on purpose, and why. The
 * reason is part of the configuration, not a comment beside it, so the gate can insist on one and
 * print it in every CI log that lets these methods through.
 *
 * <pre>{@code
 * <allowUndocumented>
 *   <exemption>
 *     <reason>an agent must never mint, list or revoke API keys</reason>
 *     <tools>
 *       <tool>create_a_streak_api_key</tool>
 *     </tools>
 *   </exemption>
 * </allowUndocumented>
 * }</pre>
 */
public final class Exemption {
  /** The shortest reason the gate accepts: a few words, not a placeholder. */
  static final int MIN_REASON = 20;

  /** Why these methods stay undocumented. */
  String reason;

  /** Their tool names. */
  List<String> tools = new ArrayList<>();

  /** For Maven, which fills the fields from the POM. */
  public Exemption() {}

  Exemption(String reason, List<String> tools) {
    this.reason = reason;
    this.tools = new ArrayList<>(tools);
  }

  String reason() {
    return reason == null ? "" : reason.strip();
  }

  List<String> tools() {
    return tools == null ? List.of() : tools;
  }
}
