package dev.clicklake.kpi.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.kpi.support.KpiTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import dev.clicklake.contracts.testing.KafkaTestClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A silver-ready that breaks its contract lands, unchanged, on the dead-letter topic with the reason. */
@QuarkusTest
class DeadLetterTest {

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json                                             | not JSON",
            "{\"dataset\": \"rees46\", \"files\": []}              | ingestionId",
            "''                                                    | empty document"})
    void aMalformedMessageIsDeadLetteredWithTheReason(String value, String reasonMentions) throws Exception {
        KpiTopics kafka = new KpiTopics(topicPrefix);
        String key = UUID.randomUUID().toString();

        kafka.sendRaw(Channels.SILVER_READY, key, value);

        KafkaTestClient.Received dead = kafka.await("clicklake-dead-letter", 1, record -> key.equals(record.key()),
                Duration.ofSeconds(60)).get(0);
        assertEquals(value, dead.value());
        assertEquals(topicPrefix + Channels.SILVER_READY, dead.header("dead-letter-topic"));
        String reason = dead.header("dead-letter-reason");
        assertTrue(reason != null && reason.contains(reasonMentions), () -> "reason: " + reason);
    }
}
