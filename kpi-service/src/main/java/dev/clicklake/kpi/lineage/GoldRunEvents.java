package dev.clicklake.kpi.lineage;

import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.lineage.LineageDataset;
import dev.clicklake.contracts.lineage.LineageDataset.LineageField;
import dev.clicklake.contracts.lineage.LineageEvents;
import dev.clicklake.contracts.lineage.LineageNames;
import dev.clicklake.contracts.lineage.LineageRuns;
import dev.clicklake.contracts.lineage.StageRun;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.gold.GoldPlan;
import dev.clicklake.kpi.snapshot.SnapshotLayout;
import dev.clicklake.kpi.snapshot.SnapshotManifest;
import io.openlineage.client.OpenLineage.RunEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run events of one gold build (one silver-ready): the dataset's silver events table (the rows and bytes of the
 * split's files) as input; the PostgreSQL gold tables a rebuild replaces rows of ({@link GoldPlan#TABLES}, with the
 * columns {@link GoldCatalog} serves, and the dataset's rows in each when a snapshot counted them) and the gold
 * snapshot ({@code <dataset>/snapshots} in the gold container, its version) as outputs. The run's parent is the
 * ingestion's run.
 */
public final class GoldRunEvents {

    private static final String SCHEMA = "public";

    private final LineageEvents events;
    private final LineageNames names;
    private final String jdbcUrl;
    private final String silverContainer;
    private final String goldContainer;

    public GoldRunEvents(LineageEvents events, LineageNames names, String jdbcUrl, String silverContainer,
            String goldContainer) {
        this.events = events;
        this.names = names;
        this.jdbcUrl = jdbcUrl;
        this.silverContainer = silverContainer;
        this.goldContainer = goldContainer;
    }

    public RunEvent started(SilverReady ready, boolean snapshots) {
        List<LineageDataset> outputs = new ArrayList<>(tables(ready.dataset(), Optional.empty()));
        if (snapshots) {
            outputs.add(snapshot(ready.dataset()));
        }
        return events.event(RunEvent.EventType.START, run(ready), List.of(silver(ready)), outputs);
    }

    /**
     * Gold is committed and gold-ready announced: the tables when {@code rebuilt} days changed (none when every day was
     * already built from this silver), and the snapshot when one was written.
     */
    public RunEvent completed(SilverReady ready, List<LocalDate> rebuilt, Optional<SnapshotManifest> snapshot) {
        List<LineageDataset> outputs = new ArrayList<>(rebuilt.isEmpty() ? List.of() : tables(ready.dataset(), snapshot));
        snapshot.ifPresent(manifest -> outputs.add(snapshot(ready.dataset())
                .withStatistics(manifest.tables().values().stream().mapToLong(SnapshotManifest.Table::rows).sum(),
                        manifest.tables().values().stream().mapToLong(SnapshotManifest.Table::bytes).sum())
                .withVersion(Long.toString(manifest.version()))));
        return events.event(RunEvent.EventType.COMPLETE, run(ready), List.of(silver(ready)), outputs);
    }

    /** This attempt failed; {@code willRetry} says whether the message will be tried again or was given up. */
    public RunEvent failed(SilverReady ready, Exception failure, boolean willRetry) {
        return events.failedAttempt(run(ready), List.of(silver(ready)), failure, willRetry);
    }

    static StageRun run(SilverReady ready) {
        return LineageRuns.gold(ready.dataset(), ready.ingestionId(), ready.split().index());
    }

    private LineageDataset silver(SilverReady ready) {
        return names.lake(LakeLocation.of(silverContainer, SilverLayout.eventsTable(ready.dataset()))).withStatistics(
                ready.files().stream().mapToLong(SilverFile::rows).sum(),
                ready.files().stream().mapToLong(SilverFile::bytes).sum());
    }

    private List<LineageDataset> tables(String dataset, Optional<SnapshotManifest> counted) {
        return GoldPlan.TABLES.stream().map(table -> {
            LineageDataset named = LineageNames.postgresTable(jdbcUrl, SCHEMA, table).withSchema(columns(table));
            Optional<SnapshotManifest.Table> file = counted.map(manifest -> manifest.tables().get(table));
            return file.isPresent() ? named.withStatistics(file.get().rows(), null) : named;
        }).toList();
    }

    private LineageDataset snapshot(String dataset) {
        String prefix = SnapshotLayout.snapshotsPrefix(dataset);
        return names.lake(LakeLocation.of(goldContainer, prefix.substring(0, prefix.length() - 1)));
    }

    /** The stored columns of {@code relation} as the catalog serves them; none for the tables it does not serve. */
    static List<LineageField> columns(String relation) {
        return GoldCatalog.TABLES.stream().filter(table -> table.relation().equals(relation)).findFirst()
                .map(GoldTable::columns).orElse(List.of()).stream()
                .filter(column -> column.expression().equals(column.name()))
                .map(column -> new LineageField(column.name(), column.type().sqlType()))
                .toList();
    }
}
