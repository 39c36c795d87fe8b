package dev.clicklake.ingest.lineage;

import dev.clicklake.contracts.lineage.LineageEmitter;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.ingest.ledger.Ingestion;
import jakarta.enterprise.context.ApplicationScoped;

/** Emits the run events of landing ingestions ({@link IngestRunEvents}); never throws. */
@ApplicationScoped
public class IngestLineage {

    private final LineageEmitter emitter;
    private final IngestRunEvents events;

    IngestLineage(LineageEmitter emitter) {
        this.emitter = emitter;
        this.events = new IngestRunEvents(emitter.events(), emitter.names());
    }

    public void started(Ingestion ingestion, LakeLocation bronze) {
        emitter.emit(() -> events.started(ingestion, bronze));
    }

    /** The ingestion's outcome as the ledger now has it; nothing while it is still receiving. */
    public void ended(Ingestion ingestion) {
        emitter.emit(() -> events.ended(ingestion));
    }

    public void duplicate(Ingestion ingestion, Ingestion earlier) {
        emitter.emit(() -> events.duplicate(ingestion, earlier));
    }
}
