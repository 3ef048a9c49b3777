package io.streakmcp.runtime.protocol;

/** JSON-RPC and MCP error codes, in one place. */
public final class ErrorCodes {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Transport-level rejection (bad session, wrong method), as the TypeScript SDK uses it. */
  public static final int TRANSPORT = -32000;

  /** 2026-07-28: HTTP headers missing, malformed, or disagreeing with the body. */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request needs a client capability the client did not declare. */
  public static final int MISSING_CLIENT_CAPABILITY = -32021;

  /** 2026-07-28: the requested protocol version is not supported. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private ErrorCodes() {}
}
