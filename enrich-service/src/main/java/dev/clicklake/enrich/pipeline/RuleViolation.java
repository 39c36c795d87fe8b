package dev.clicklake.enrich.pipeline;

/**
 * A row broke a silver rule. Thrown only inside {@link SilverRules} to leave a row early; it carries no
 * stack trace, so rejecting a row costs little.
 */
public final class RuleViolation extends Exception {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** What exactly was wrong, for a person. */
    public String detail() {
        return getMessage();
    }
}
