package dev.clicklake.kpi.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.storage.LakeLocation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SilverLayoutTest {

    private final LakeLocation partition = SilverLayout.partition("silver", "rees46", LocalDate.of(2019, 10, 1));

    @Test
    void aPartitionIsTheDatasetsHiveFolderOfTheDay() {
        assertEquals(LakeLocation.of("silver", "rees46/events/event_date=2019-10-01/"), partition);
    }

    @Test
    void takesOnlyParquetFilesDirectlyInThePartition() {
        assertTrue(SilverLayout.isSilverFile(partition, partition.resolve("0f8fad5b-d9cb-469f-a165-70867728950e-00001.parquet")));
        assertFalse(SilverLayout.isSilverFile(partition, partition.resolve("_SUCCESS")));
        assertFalse(SilverLayout.isSilverFile(partition, partition.resolve(".parquet")));
        assertFalse(SilverLayout.isSilverFile(partition, partition.resolve("nested/file.parquet")));
    }
}
