package dev.clicklake.contracts.event;

import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@code gold-ready} v1: gold recomputed for one silver split.
 * See {@code contracts/gold-ready.v1.schema.json}.
 */
public record GoldReady(
        String ingestionId,
        String dataset,
        SplitRef split,
        List<LocalDate> eventDates,
        List<String> grains,
        List<String> tables,
        String dataSchemaVersion) {

    public static final String GOLD_KPI_V1 = "gold-kpi/1";

    public GoldReady {
        eventDates = List.copyOf(eventDates);
        grains = List.copyOf(grains);
        tables = List.copyOf(tables);
    }
}
