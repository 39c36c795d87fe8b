package dev.clicklake.ingest.source;

import dev.clicklake.ingest.landing.InvalidRequestException;
import java.io.IOException;

/** Opens a source later, on a worker thread: the request was checked, the bytes are not read yet. */
@FunctionalInterface
public interface SourceOpener {
    OpenedSource open() throws IOException, InvalidRequestException;
}
