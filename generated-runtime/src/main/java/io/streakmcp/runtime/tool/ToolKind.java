package io.streakmcp.runtime.tool;

/** What a tool does to Streak; the basis of the {@code read}/{@code write} method filters. */
public enum ToolKind {
  LIST,
  GET,
  CREATE,
  UPDATE,
  DELETE,
  CUSTOM;

  /** True for kinds that only read: get and list. */
  public boolean isRead() {
    return this == LIST || this == GET;
  }

  /** True for kinds that change data: create, update and delete. */
  public boolean isWrite() {
    return this == CREATE || this == UPDATE || this == DELETE;
  }
}
