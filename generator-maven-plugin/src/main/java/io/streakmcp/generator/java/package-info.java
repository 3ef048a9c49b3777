/**
 * Java source through JavaPoet: one class per tool and one registry that lists them all. Names pass
 * through {@link io.streakmcp.generator.java.JavaNames}, prose through {@link
 * io.streakmcp.generator.java.JavaText}.
 */
package io.streakmcp.generator.java;
