package io.streakmcp.generator.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the same strictness as our own code ({@code -Xlint:all -Werror})
 * against the runtime, and loads the result.
 */
public final class JavaCompilation {
  private JavaCompilation() {}

  /** Compiles every .java file under {@code sources} into {@code classes}; fails on any warning. */
  public static ClassLoader compile(Path sources, Path resources, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
        Stream<Path> walk = Files.walk(sources)) {
      List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
      Files.createDirectories(classes);
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-Xlint:all",
                  "-Werror",
                  "--release",
                  "17",
                  "-encoding",
                  "UTF-8",
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-d",
                  classes.toString()));
      boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(javaFiles))
              .call();
      assertTrue(
          ok && diagnostics.getDiagnostics().isEmpty(),
          () ->
              "generated code must compile cleanly with -Xlint:all -Werror:\n"
                  + diagnostics.getDiagnostics());
      return new URLClassLoader(
          new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
          JavaCompilation.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
