package dev.clicklake.enrich.lineage;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.lineage.LineageEmitter;
import dev.clicklake.contracts.runtime.LakeConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Emits the run events of enriching splits ({@link EnrichRunEvents}); never throws. */
@ApplicationScoped
public class EnrichLineage {

    private final LineageEmitter emitter;
    private final EnrichRunEvents events;

    EnrichLineage(LineageEmitter emitter, LakeConfig lake) {
        this.emitter = emitter;
        this.events = new EnrichRunEvents(emitter.events(), emitter.names(), lake.containers().silver());
    }

    public void started(BronzeLanded landed) {
        emitter.emit(() -> events.started(landed));
    }

    public void completed(BronzeLanded landed, SilverReady ready) {
        emitter.emit(() -> events.completed(landed, ready));
    }

    public void failed(BronzeLanded landed, Exception failure, boolean willRetry) {
        emitter.emit(() -> events.failed(landed, failure, willRetry));
    }
}
