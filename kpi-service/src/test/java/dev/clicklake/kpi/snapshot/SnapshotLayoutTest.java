package dev.clicklake.kpi.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotLayoutTest {

    @Test
    void versionedPathsSortAsTextInVersionOrderAndGiveTheirVersionBack() {
        List<String> manifests = List.of(SnapshotLayout.manifestPath("shop", 9), SnapshotLayout.manifestPath("shop", 10),
                SnapshotLayout.manifestPath("shop", 100));

        assertEquals(manifests, manifests.stream().sorted().toList());
        assertEquals("shop/manifests/v0000000000000000010.json", manifests.get(1));
        assertEquals("shop/snapshots/v0000000000000000010/daily_kpi.parquet", SnapshotLayout.tablePath("shop", 10, "daily_kpi"));
        assertEquals(Optional.of(10L), SnapshotLayout.versionOf(manifests.get(1)));
        assertEquals(Optional.of(10L), SnapshotLayout.versionOf(SnapshotLayout.tablePath("shop", 10, "hourly_kpi")));
        assertEquals(Optional.empty(), SnapshotLayout.versionOf("shop/manifests/latest.json"));
    }
}
