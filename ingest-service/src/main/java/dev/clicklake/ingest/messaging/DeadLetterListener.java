package dev.clicklake.ingest.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.runtime.Backoff;
import dev.clicklake.ingest.deadletter.DeadLetterOutcome;
import dev.clicklake.ingest.deadletter.DeadLetterReader;
import dev.clicklake.ingest.deadletter.DeadLetterReading;
import dev.clicklake.ingest.deadletter.SplitDeadLetter;
import dev.clicklake.ingest.ledger.IngestionLedger;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads the shared dead-letter topic and fails the ingestions whose split messages landed there
 * ({@link DeadLetterReader}, {@link IngestionLedger#recordDeadLetter}). A record that is not a split's dead letter
 * is logged and skipped; ledger faults are retried until they succeed; nothing is ever nacked (a dead letter
 * of the dead-letter topic would have nowhere to go).
 */
@ApplicationScoped
public class DeadLetterListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterListener.class);

    private final IngestionLedger ledger;
    private final Backoff backoff;
    private final DeadLetterReader reader;

    @Inject
    public DeadLetterListener(IngestionLedger ledger, Backoff backoff,
            @ConfigProperty(name = "mp.messaging.outgoing.bronze-landed.topic") String bronzeLandedTopic,
            @ConfigProperty(name = "mp.messaging.incoming.silver-ready.topic") String silverReadyTopic) {
        this.ledger = ledger;
        this.backoff = backoff;
        this.reader = new DeadLetterReader(bronzeLandedTopic, silverReadyTopic);
    }

    @Incoming(Channels.DEAD_LETTER)
    @Blocking
    public CompletionStage<Void> onDeadLetter(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (record == null) {
            LOG.warn("dead letter ignored: not a Kafka record");
            return message.ack();
        }
        String where = record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
        String key = record.getKey() == null ? null : record.getKey().toString();
        DeadLetterReading reading = reader.read(key, text(record.getHeaders()));
        if (reading instanceof DeadLetterReading.Ignored ignored) {
            LOG.infof("dead letter %s ignored: %s", where, ignored.why());
            return message.ack();
        }
        SplitDeadLetter dead = ((DeadLetterReading.OfSplit) reading).deadLetter();
        try {
            DeadLetterOutcome outcome = backoff.untilSuccess("recording dead letter " + where,
                    () -> ledger.recordDeadLetter(dead));
            LOG.infof("dead letter %s of split %s (%s): %s", where, dead.split(), dead.origin(), outcome);
        } catch (InterruptedException e) {
            // shutting down: not acknowledged, so it is read again after restart
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return message.ack();
    }

    /** The last value of each header, as UTF-8 text. */
    private static Map<String, String> text(Headers headers) {
        Map<String, String> text = new HashMap<>();
        for (Header header : headers) {
            if (header.value() != null) {
                text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return text;
    }
}
