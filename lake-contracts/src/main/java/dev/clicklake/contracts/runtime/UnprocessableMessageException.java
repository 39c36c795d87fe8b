package dev.clicklake.contracts.runtime;

/**
 * Thrown by a message handler when a message satisfies its contract but can never be processed (it names
 * a lake object that does not exist, or one that is corrupt): retrying cannot help, so
 * {@link ContractConsumer} dead-letters it at once. Every other failure is treated as an infrastructure
 * fault and retried.
 */
public class UnprocessableMessageException extends RuntimeException {

    public UnprocessableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public UnprocessableMessageException(String reason) {
        super(reason);
    }
}
