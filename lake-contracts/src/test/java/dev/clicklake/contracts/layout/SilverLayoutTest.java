package dev.clicklake.contracts.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SilverLayoutTest {

    private static final LocalDate DAY = LocalDate.of(2019, 10, 1);
    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void eventsLiveInTheDatasetsHivePartitionOfTheirDay() {
        assertEquals("rees46/events/event_date=2019-10-01/", SilverLayout.partitionPrefix("rees46", DAY));
        assertEquals("rees46/events/event_date=2019-10-01/" + ID + "-00007.parquet", SilverLayout.eventsPath("rees46", DAY, ID, 7));
        assertEquals("rees46/quarantine/ingestion=" + ID + "/split-00007.jsonl", SilverLayout.quarantinePath("rees46", ID, 7));
    }

    @Test
    void onlyParquetFilesDirectlyInThePartitionAreEventsFiles() {
        String partition = SilverLayout.partitionPrefix("rees46", DAY);
        assertTrue(SilverLayout.isEventsFile(partition, SilverLayout.eventsPath("rees46", DAY, ID, 1)));
        assertFalse(SilverLayout.isEventsFile(partition, partition + "_SUCCESS"));
        assertFalse(SilverLayout.isEventsFile(partition, partition + ".parquet"));
        assertFalse(SilverLayout.isEventsFile(partition, partition + "nested/file.parquet"));
        assertFalse(SilverLayout.isEventsFile(partition, "other/events/event_date=2019-10-01/x.parquet"));
    }
}
