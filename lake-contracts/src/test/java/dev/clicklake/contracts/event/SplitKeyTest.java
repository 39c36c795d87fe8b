package dev.clicklake.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SplitKeyTest {

    private static final String ID = "0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d";

    @Test
    void aSplitKeyNamesItsIngestionAndIndex() {
        assertEquals(ID + "/7", SplitKey.of(ID, 7));
        assertEquals(Optional.of(new SplitKey(UUID.fromString(ID), 7)), SplitKey.parse(ID + "/7"));
        assertEquals(ID + "/7", SplitKey.parse(ID + "/7").orElseThrow().toString());
    }

    @Test
    void whatIsNotASplitKeyIsEmpty() {
        for (String key : new String[] {null, "", ID, ID + "/", ID + "/x", ID + "/-1", ID + "/1/2", "order-42/1",
                "1-1-1-1-1/0", ID + "/99999999999"}) {
            assertTrue(SplitKey.parse(key).isEmpty(), key);
        }
    }
}
