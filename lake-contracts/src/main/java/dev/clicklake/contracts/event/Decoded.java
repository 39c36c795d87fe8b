package dev.clicklake.contracts.event;

import java.util.List;

/** The outcome of reading a document against its contract: the payload, or why it was refused. */
public sealed interface Decoded<T> {

    /** The document satisfied its schema and mapped onto the payload type. */
    record Accepted<T>(T payload) implements Decoded<T> {
    }

    /** The document was refused; {@code reasons} say what was wrong, for a dead-letter header or a log. */
    record Rejected<T>(List<String> reasons) implements Decoded<T> {
        public Rejected {
            reasons = List.copyOf(reasons);
        }

        public String summary() {
            return String.join("; ", reasons);
        }
    }
}
