package dev.clicklake.contracts.event;

import java.time.LocalDate;

/** An inclusive range of event dates (UTC). */
public record DateRange(LocalDate from, LocalDate to) {
}
