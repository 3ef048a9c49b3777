package io.streakmcp.generator.java;

import static io.streakmcp.generator.java.RuntimeTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The dispatch table: one class that lists every tool, sorted by name, and finds one by a {@code
 * switch} on its name. No reflection and no classpath scanning.
 */
public final class RegistryGenerator {
  /** The simple name of the generated registry class. */
  public static final String CLASS_NAME = "StreakToolRegistry";

  /**
   * @param toolNames every tool name, sorted
   * @param basePackage the registry's package
   * @param toolPackage the tool classes' package
   */
  public JavaFile generate(List<String> toolNames, String basePackage, String toolPackage) {
    ParameterizedTypeName listOfTools = ParameterizedTypeName.get(LIST, STREAK_TOOL);
    CodeBlock.Builder all = CodeBlock.builder().add("$T.of(", LIST).indent().indent();
    CodeBlock.Builder cases =
        CodeBlock.builder()
            .beginControlFlow("if (name == null)")
            .addStatement("return $T.empty()", OPTIONAL)
            .endControlFlow()
            .add("return switch (name) {\n")
            .indent();
    for (int i = 0; i < toolNames.size(); i++) {
      ClassName tool = ClassName.get(toolPackage, JavaNames.className(toolNames.get(i)));
      all.add("\nnew $T()$L", tool, i + 1 < toolNames.size() ? "," : "");
      cases.add("case $T.NAME -> $T.of(TOOLS.get($L));\n", tool, OPTIONAL, i);
    }
    all.add(")").unindent().unindent();
    cases.add("default -> $T.empty();\n", OPTIONAL).unindent().add("};\n");

    TypeSpec type =
        TypeSpec.classBuilder(CLASS_NAME)
            .addJavadoc("Every generated Streak tool, sorted by name: the dispatch table.\n")
            .addAnnotation(generated(RegistryGenerator.class))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(TOOL_REGISTRY)
            .addField(
                FieldSpec.builder(
                        int.class, "TOOL_COUNT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("How many tools were generated.\n")
                    .initializer("$L", toolNames.size())
                    .build())
            .addField(
                FieldSpec.builder(
                        listOfTools, "TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(all.build())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("tools")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(listOfTools)
                    .addStatement("return TOOLS")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("find")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(OPTIONAL, STREAK_TOOL))
                    .addParameter(String.class, "name")
                    .addCode(cases.build())
                    .build())
            .build();
    return JavaFile.builder(basePackage, type).indent("  ").skipJavaLangImports(true).build();
  }
}
