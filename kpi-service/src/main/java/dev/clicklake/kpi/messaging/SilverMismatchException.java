package dev.clicklake.kpi.messaging;

/** A silver object a silver-ready names is not in the lake as the message describes it (absent, or another size). */
final class SilverMismatchException extends RuntimeException {

    SilverMismatchException(String message) {
        super(message);
    }
}
