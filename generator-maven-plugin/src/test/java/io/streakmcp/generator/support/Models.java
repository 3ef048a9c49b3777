package io.streakmcp.generator.support;

import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.model.ModelAssembler;
import io.streakmcp.generator.model.QualityGate;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.records.DocumentationReader;
import java.io.IOException;
import java.nio.file.Path;

/** The tiny fixture set as models, for testing generators without touching disk again. */
public final class Models {
  private Models() {}

  public static ToolSet tiny(Path work) throws IOException, RecordSetException {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    return new ModelAssembler(new QualityGate(40)).assemble(new DocumentationReader().read(docs));
  }

  public static ToolModel tool(ToolSet set, String name) {
    return set.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
