package io.streakmcp.generator.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.streakmcp.runtime.tool.ApiVersion;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.ArgumentLocation;
import io.streakmcp.runtime.tool.BodyEncoding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.HttpVerb;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.StreakTool;
import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tool.ToolDefinition;
import io.streakmcp.runtime.tool.ToolKind;
import io.streakmcp.runtime.tool.ToolRegistry;

/** The runtime types generated code refers to, named from the classes themselves. */
final class RuntimeTypes {
  static final ClassName STREAK_TOOL = ClassName.get(StreakTool.class);
  static final ClassName TOOL_REGISTRY = ClassName.get(ToolRegistry.class);
  static final ClassName TOOL_DEFINITION = ClassName.get(ToolDefinition.class);
  static final ClassName TOOL_ANNOTATIONS = ClassName.get(ToolAnnotations.class);
  static final ClassName TOOL_KIND = ClassName.get(ToolKind.class);
  static final ClassName HTTP_BINDING = ClassName.get(HttpBinding.class);
  static final ClassName HTTP_VERB = ClassName.get(HttpVerb.class);
  static final ClassName API_VERSION = ClassName.get(ApiVersion.class);
  static final ClassName BODY_ENCODING = ClassName.get(BodyEncoding.class);
  static final ClassName PAGING_STYLE = ClassName.get(PagingStyle.class);
  static final ClassName RESULT_SHAPE = ClassName.get(ResultShape.class);
  static final ClassName ARGUMENT_BINDING = ClassName.get(ArgumentBinding.class);
  static final ClassName ARGUMENT_LOCATION = ClassName.get(ArgumentLocation.class);
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

  private RuntimeTypes() {}

  /** {@code @Generated("<generator>")}, without a date so output stays byte-identical. */
  static AnnotationSpec generated(Class<?> generator) {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", generator.getName())
        .build();
  }
}
