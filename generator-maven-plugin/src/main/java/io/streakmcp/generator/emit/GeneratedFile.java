package io.streakmcp.generator.emit;

/**
 * One output file.
 *
 * @param root whether it is Java source or a classpath resource
 * @param path its path below that root, with {@code /} separators
 * @param content its text, written as UTF-8
 */
public record GeneratedFile(Root root, String path, String content) {

  /** The two directories the plugin owns. */
  public enum Root {
    SOURCE,
    RESOURCE
  }

  /** The manifest form, e.g. {@code SOURCE:io/x/Foo.java}. */
  public String id() {
    return root + ":" + path;
  }
}
