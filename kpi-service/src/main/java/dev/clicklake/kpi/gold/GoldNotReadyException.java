package dev.clicklake.kpi.gold;

/**
 * Gold of a dataset exists but cannot answer ranges yet: days built by an older gold version wait for the
 * start-up backfill to rebuild them. Answered with 503 and the reason; the same request succeeds later.
 */
public class GoldNotReadyException extends RuntimeException {

    public GoldNotReadyException(String message) {
        super(message);
    }
}
