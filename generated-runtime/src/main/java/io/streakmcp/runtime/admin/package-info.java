/** The admin REST API: integrated accounts and their MCP servers, behind the platform token. */
package io.streakmcp.runtime.admin;
