package dev.clicklake.contracts.clickstream;

import java.util.Optional;

/** The values of the {@code event_type} column. */
public enum EventType {
    VIEW("view"),
    CART("cart"),
    PURCHASE("purchase"),
    /** Absent from the REES46 electronics store files, present in the sibling cosmetics dataset. */
    REMOVE_FROM_CART("remove_from_cart");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The exact text written in the file. */
    public String wireName() {
        return wireName;
    }

    /** The event type written as {@code text}, or empty when the text is not one (the match is case-sensitive). */
    public static Optional<EventType> fromWireName(String text) {
        for (EventType type : values()) {
            if (type.wireName.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
