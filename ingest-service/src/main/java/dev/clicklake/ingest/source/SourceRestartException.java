package dev.clicklake.ingest.source;

import java.io.IOException;

/**
 * The source broke off midway and cannot be asked for the rest (its server does not serve byte ranges):
 * it can only be read again from its first byte, so whatever was written from it must be thrown away.
 */
public final class SourceRestartException extends IOException {

    public SourceRestartException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
