package dev.clicklake.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.DateRange;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.storage.LakeLocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordSizeLimitTest {

    private static final int KAFKA_DEFAULT = 1_048_576;
    private final ContractCodec codec = new ContractCodec();

    @Test
    void aSilverReadyOfAbout4100DatesIsRefusedBeforeItIsSentAndOneOfTheDatesLimitFits() {
        String key = UUID.randomUUID() + "/0";
        RecordSizeLimit limit = new RecordSizeLimit(KAFKA_DEFAULT);

        Optional<String> refused = limit.exceededBy(key, codec.encode(Contract.SILVER_READY, silverReady(4_200)));
        Optional<String> fits = limit.exceededBy(key, codec.encode(Contract.SILVER_READY, silverReady(2_000)));

        assertTrue(refused.isPresent());
        assertTrue(refused.get().contains("max.request.size of 1048576"), refused.get());
        assertEquals(Optional.empty(), fits);
    }

    @Test
    void theHeadroomForHeadersCounts() {
        RecordSizeLimit limit = new RecordSizeLimit(RecordSizeLimit.HEADROOM + 10);

        assertEquals(Optional.empty(), limit.exceededBy("k", "123456789"));
        assertTrue(limit.exceededBy("k", "1234567890").isPresent());
        assertTrue(limit.exceededBy("k", "é23456789").isPresent(), "counted in UTF-8 bytes, not characters");
    }

    /** A silver-ready of a split with one file on each of {@code dates} dates, names as long as the contract allows. */
    private static SilverReady silverReady(int dates) {
        String ingestionId = UUID.randomUUID().toString();
        String dataset = "d".repeat(63);
        List<SilverFile> files = new ArrayList<>();
        LocalDate first = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < dates; i++) {
            LocalDate date = first.plusDays(i);
            files.add(new SilverFile("silver", SilverLayout.eventsPath(dataset, date, ingestionId, 0), 123_456,
                    "a".repeat(64), 1_000, date));
        }
        return new SilverReady(ingestionId, dataset, LakeLocation.of("bronze", dataset + "/2020-01-01/" + ingestionId + "/f.csv"),
                new SplitRef(0, 1), files, null, new RowCounts(dates * 1_000L, dates * 1_000L, 0, 0, Map.of()),
                new DateRange(first, first.plusDays(dates - 1)), SilverReady.SILVER_EVENTS_V1);
    }
}
