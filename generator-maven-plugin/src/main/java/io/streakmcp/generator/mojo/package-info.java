/** Maven adapters: each Mojo turns its parameters into a request and its outcome into log lines. */
package io.streakmcp.generator.mojo;
