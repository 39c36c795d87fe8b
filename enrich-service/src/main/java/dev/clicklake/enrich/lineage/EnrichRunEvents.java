package dev.clicklake.enrich.lineage;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.QuarantineRecord;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.layout.SilverSchema;
import dev.clicklake.contracts.lineage.LineageDataset;
import dev.clicklake.contracts.lineage.LineageDataset.LineageField;
import dev.clicklake.contracts.lineage.LineageEvents;
import dev.clicklake.contracts.lineage.LineageNames;
import dev.clicklake.contracts.lineage.LineageRuns;
import dev.clicklake.contracts.lineage.StageRun;
import dev.clicklake.contracts.storage.LakeLocation;
import io.openlineage.client.OpenLineage.RunEvent;
import java.util.Arrays;
import java.util.List;

/**
 * The run events of turning one bronze split into silver: the bronze object (its CSV columns; the split's rows and
 * bytes) as input; the dataset's silver events table ({@code <dataset>/events}, Hive-partitioned by event_date) and
 * its quarantine ({@code <dataset>/quarantine}) as outputs, with the rows and bytes this split wrote to each. The
 * run's parent is the ingestion's run.
 */
public final class EnrichRunEvents {

    /** The silver-events/1 Parquet columns with their types (see the README), event_date being the partition. */
    static final List<LineageField> SILVER_EVENTS = SilverSchema.COLUMNS.stream()
            .map(column -> new LineageField(column.name(), column.sqlType()))
            .toList();

    /** A quarantine-record v1 line, field by field. */
    static final List<LineageField> QUARANTINE = Arrays.stream(QuarantineRecord.class.getRecordComponents())
            .map(component -> new LineageField(component.getName(), jsonType(component.getType())))
            .toList();

    private final LineageEvents events;
    private final LineageNames names;
    private final String silverContainer;

    public EnrichRunEvents(LineageEvents events, LineageNames names, String silverContainer) {
        this.events = events;
        this.names = names;
        this.silverContainer = silverContainer;
    }

    public RunEvent started(BronzeLanded landed) {
        return events.event(RunEvent.EventType.START, run(landed), List.of(bronze(landed)),
                List.of(silverEvents(landed.dataset()), quarantine(landed.dataset())));
    }

    /** The split's silver is committed and announced: what it wrote where. */
    public RunEvent completed(BronzeLanded landed, SilverReady ready) {
        long eventBytes = ready.files().stream().mapToLong(SilverFile::bytes).sum();
        long quarantineBytes = ready.quarantine() == null ? 0 : ready.quarantine().bytes();
        return events.event(RunEvent.EventType.COMPLETE, run(landed), List.of(bronze(landed)), List.of(
                silverEvents(landed.dataset()).withStatistics(ready.counts().written(), eventBytes),
                quarantine(landed.dataset()).withStatistics(ready.counts().quarantined(), quarantineBytes)));
    }

    /** This attempt at the split failed; {@code willRetry} says whether it will be tried again or was given up. */
    public RunEvent failed(BronzeLanded landed, Exception failure, boolean willRetry) {
        return events.failedAttempt(run(landed), List.of(bronze(landed)), failure, willRetry);
    }

    static StageRun run(BronzeLanded landed) {
        return LineageRuns.enrich(landed.dataset(), landed.ingestionId(), landed.split().index());
    }

    private LineageDataset bronze(BronzeLanded landed) {
        return names.lake(landed.file().location())
                .withSchema(LineageField.all(landed.format().columns(), "string"))
                .withStatistics(landed.split().rows(), landed.split().length());
    }

    private LineageDataset silverEvents(String dataset) {
        return names.lake(LakeLocation.of(silverContainer, SilverLayout.eventsTable(dataset))).withSchema(SILVER_EVENTS);
    }

    private LineageDataset quarantine(String dataset) {
        return names.lake(LakeLocation.of(silverContainer, SilverLayout.quarantineFolder(dataset))).withSchema(QUARANTINE);
    }

    private static String jsonType(Class<?> type) {
        if (type == long.class || type == int.class) {
            return "integer";
        }
        return type == String.class ? "string" : "object";
    }
}
