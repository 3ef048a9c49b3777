package io.streakmcp.generator.report;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Counts tokens with o200k_base, the encoding of current OpenAI models. */
public final class TokenCounter {
  private final Encoding encoding =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  public int count(String text) {
    return encoding.countTokensOrdinary(text);
  }
}
