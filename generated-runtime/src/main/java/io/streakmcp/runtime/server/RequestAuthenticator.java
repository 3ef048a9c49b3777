package io.streakmcp.runtime.server;

/** Decides whether a request's {@code Authorization} header carries a platform API token. */
@FunctionalInterface
public interface RequestAuthenticator {
  /** Allows nobody: servers that require a platform token cannot be opened. */
  RequestAuthenticator NOBODY = authorization -> false;

  boolean allows(String authorization);
}
