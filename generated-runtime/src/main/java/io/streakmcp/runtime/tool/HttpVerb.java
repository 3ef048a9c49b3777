package io.streakmcp.runtime.tool;

/** The HTTP verbs Streak uses. Updates are POST, legacy v1 creates are PUT. */
public enum HttpVerb {
  GET,
  POST,
  PUT,
  DELETE
}
