package io.streakmcp.generator.records;

import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.streakmcp.generator.diagnostics.SourcePosition;
import java.nio.file.Path;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * A parsed YAML file whose nodes remember their line and column.
 *
 * @param file the file it was read from
 * @param root the document's root node (location-aware)
 */
public record YamlDocument(Path file, JsonNode root) {

  /** Where a node of this document starts, or the file alone when the node has no location. */
  public SourcePosition positionOf(JsonNode node) {
    if (node instanceof TokenStreamLocationAware aware) {
      TokenStreamLocation location = aware.tokenStreamLocation();
      if (location != null && location.getLineNr() > 0) {
        return new SourcePosition(file, location.getLineNr(), location.getColumnNr());
      }
    }
    return SourcePosition.of(file);
  }
}
