package io.streakmcp.runtime.servers;

/**
 * An integrated account: one Streak API key under a name.
 *
 * @param id a UUID
 * @param name what the creator called it
 * @param createdAt epoch milliseconds
 */
public record Account(String id, String name, long createdAt) {}
