package dev.clicklake.enrich.pipeline;

/**
 * An event's identity: a 128-bit hash of its nine cleaned source values ({@link EventKeyHasher}). Two rows
 * with the same key are one event (a collision among 10^12 events has odds of about 10^-15).
 */
public record EventKey(long hi, long lo) {
}
