package dev.clicklake.contracts.event;

import java.time.Instant;

/** An inclusive range of event times. */
public record TimeRange(Instant from, Instant to) {
}
