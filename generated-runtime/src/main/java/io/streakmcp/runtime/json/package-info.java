/** The one JSON mapper the runtime uses, and small helpers around it. */
package io.streakmcp.runtime.json;
