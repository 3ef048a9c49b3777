/** Problems found in the records: each with a stable code, a file position and a JSON path. */
package io.streakmcp.generator.diagnostics;
