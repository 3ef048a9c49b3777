package io.streakmcp.generator.java;

import static io.streakmcp.generator.java.RuntimeTypes.*;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.text.ToolText;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.ToolAnnotations;
import javax.lang.model.element.Modifier;

/** One Java class per tool, holding its definition as constants. Pure: model in, JavaFile out. */
public final class ToolClassGenerator {

  /**
   * The class for one tool.
   *
   * @param model the tool
   * @param text its rendered prose
   * @param packageName where the tool classes live
   * @param inputSchema classpath resource of the input schema
   * @param outputSchema classpath resource of the output schema, or null
   */
  public JavaFile generate(
      ToolModel model, ToolText text, String packageName, String inputSchema, String outputSchema) {
    TypeSpec type =
        TypeSpec.classBuilder(JavaNames.className(model.name()))
            .addJavadoc(
                "{@code $L}: $L.\n\n<p>$L\n\n<p>Streak route: {@code $L}.\n",
                model.name(),
                JavaText.javadoc(model.title()),
                JavaText.javadoc(text.description()),
                JavaText.javadoc(model.route()))
            .addAnnotation(generated(ToolClassGenerator.class))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(STREAK_TOOL)
            .addField(
                FieldSpec.builder(
                        String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The MCP tool name.\n")
                    .initializer("$S", model.name())
                    .build())
            .addField(
                FieldSpec.builder(
                        TOOL_DEFINITION,
                        "DEFINITION",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer(definition(model, text, inputSchema, outputSchema))
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("definition")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TOOL_DEFINITION)
                    .addStatement("return DEFINITION")
                    .build())
            .build();
    return JavaFile.builder(packageName, type).indent("  ").skipJavaLangImports(true).build();
  }

  private static CodeBlock definition(
      ToolModel model, ToolText text, String inputSchema, String outputSchema) {
    CodeBlock tags =
        model.tags().stream().map(t -> CodeBlock.of("$S", t)).collect(CodeBlock.joining(", "));
    return CodeBlock.builder()
        .add("new $T(\n", TOOL_DEFINITION)
        .indent()
        .indent()
        .add("NAME,\n$S,\n$S,\n", model.title(), text.description())
        .add("$T.$L,\n$S,\n", TOOL_KIND, model.kind().name(), model.resource())
        .add("$T.of($L),\n", LIST, tags)
        .add("$L,\n", annotations(model.annotations()))
        .add("$L,\n", binding(model.binding()))
        .add("$S,\n$S)", inputSchema, outputSchema)
        .unindent()
        .unindent()
        .build();
  }

  private static CodeBlock annotations(ToolAnnotations a) {
    return CodeBlock.of(
        "new $T($L, $L, $L, $L)",
        TOOL_ANNOTATIONS,
        a.readOnlyHint(),
        a.destructiveHint(),
        a.idempotentHint(),
        a.openWorldHint());
  }

  private static CodeBlock binding(HttpBinding b) {
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < b.arguments().size(); i++) {
      ArgumentBinding a = b.arguments().get(i);
      args.add(
          "\nnew $T($S, $S, $T.$L, $L)$L",
          ARGUMENT_BINDING,
          a.argument(),
          a.apiName(),
          ARGUMENT_LOCATION,
          a.location().name(),
          a.repeated(),
          i + 1 < b.arguments().size() ? "," : "");
    }
    return CodeBlock.builder()
        .add("new $T(\n", HTTP_BINDING)
        .indent()
        .indent()
        .add(
            "$T.$L,\n$T.$L,\n$S,\n",
            HTTP_VERB,
            b.verb().name(),
            API_VERSION,
            b.version().name(),
            b.pathTemplate())
        .add(
            "$T.$L,\n$T.$L,\n$T.$L,\n",
            BODY_ENCODING,
            b.bodyEncoding().name(),
            PAGING_STYLE,
            b.paging().name(),
            RESULT_SHAPE,
            b.resultShape().name())
        .add("$T.of(", LIST)
        .indent()
        .indent()
        .add(args.build())
        .unindent()
        .unindent()
        .add("))")
        .unindent()
        .unindent()
        .build();
  }
}
