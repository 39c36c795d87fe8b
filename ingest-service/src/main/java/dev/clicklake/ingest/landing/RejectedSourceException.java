package dev.clicklake.ingest.landing;

import java.io.IOException;

/**
 * The source is not clickstream data (wrong header, empty, not UTF-8 text...). Thrown from inside the
 * landing stream so that the lake write is abandoned before anything becomes visible.
 */
public class RejectedSourceException extends IOException {

    public RejectedSourceException(String reason) {
        super(reason);
    }
}
