package dev.clicklake.contracts.clickstream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a synthetic clickstream CSV file in the exact REES46 format, so that demos and tests need
 * no download. The same options (seed included) always give a byte-identical file.
 *
 * <p>Rows come out sorted by {@code event_time}: sessions start at a rate that follows the time of
 * day, and a bounded pool of sessions in progress ({@link ClickstreamOptions#maxActiveSessions()})
 * hands out events in time order. Memory therefore stays bounded whatever the row count; the
 * product catalog is the largest structure (a few MB at the default 167,000 products).
 *
 * <pre>{@code
 * ClickstreamOptions options = ClickstreamOptions.builder().rows(10_000_000).seed(7).build();
 * try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
 *     ClickstreamSummary summary = new ClickstreamGenerator(options).generate(out);
 * }
 * }</pre>
 */
public final class ClickstreamGenerator {

    private final ClickstreamOptions options;

    public ClickstreamGenerator(ClickstreamOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Writes the whole file to {@code out}, flushes it and leaves it open. */
    public ClickstreamSummary generate(OutputStream out) throws IOException {
        return new GenerationRun(options, out).run();
    }
}
