package dev.clicklake.ingest.source;

import dev.clicklake.ingest.landing.InvalidRequestException;
import java.io.IOException;

/**
 * Opens a source later, on a worker thread: the request was checked, the bytes are not read yet. Every
 * failure and retry of the source, including reads of the stream it returns, spends the same {@code budget}.
 */
@FunctionalInterface
public interface SourceOpener {
    OpenedSource open(RetryBudget budget) throws IOException, InvalidRequestException;
}
