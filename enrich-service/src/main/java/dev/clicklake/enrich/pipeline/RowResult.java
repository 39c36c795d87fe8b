package dev.clicklake.enrich.pipeline;

/** What the silver rules made of one CSV record: a cleaned event, or the rule it broke. */
public sealed interface RowResult {

    record Cleaned(SilverEvent event) implements RowResult {
    }

    record Rejected(Rule rule, String detail) implements RowResult {
    }
}
