package dev.clicklake.kpi.lineage;

import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.lineage.LineageEmitter;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.kpi.snapshot.SnapshotManifest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Emits the run events of gold builds ({@link GoldRunEvents}); never throws. */
@ApplicationScoped
public class GoldLineage {

    private final LineageEmitter emitter;
    private final GoldRunEvents events;

    GoldLineage(LineageEmitter emitter, LakeConfig lake, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.emitter = emitter;
        this.events = new GoldRunEvents(emitter.events(), emitter.names(), jdbcUrl, lake.containers().silver(),
                lake.containers().gold());
    }

    public void started(SilverReady ready, boolean snapshots) {
        emitter.emit(() -> events.started(ready, snapshots));
    }

    public void completed(SilverReady ready, List<LocalDate> rebuilt, Optional<SnapshotManifest> snapshot) {
        emitter.emit(() -> events.completed(ready, rebuilt, snapshot));
    }

    public void failed(SilverReady ready, Exception failure, boolean willRetry) {
        emitter.emit(() -> events.failed(ready, failure, willRetry));
    }
}
