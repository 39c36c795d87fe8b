package dev.clicklake.contracts.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SplitRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The consuming rules, on in-memory messages (the Kafka path is covered by each service's tests). */
@SuppressWarnings("unchecked")
class ContractConsumerTest {

    private final ContractCodec codec = new ContractCodec();
    private final ContractMessages messages = new ContractMessages(codec, "test", "1", Clock.systemUTC());
    private final ContractConsumer consumer = new ContractConsumer(messages, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    private final GoldReady payload = new GoldReady("0f8fad5b-d9cb-469f-a165-70867728950e", "d", new SplitRef(0, 1),
            List.of(LocalDate.of(2019, 10, 1)), List.of("day"), List.of("daily_kpi"), GoldReady.GOLD_KPI_V1);

    @Test
    void anAcceptedMessageIsHandledThenAcked() {
        Outcome outcome = new Outcome();
        List<GoldReady> handled = new ArrayList<>();
        consumer.consume(outcome.track(codec.encode(Contract.GOLD_READY, payload)), Contract.GOLD_READY, GoldReady.class, handled::add);
        assertEquals(List.of(payload), handled);
        assertTrue(outcome.acked);
        assertNull(outcome.nacked.get());
    }

    @ParameterizedTest
    @EnumSource(value = Contract.class, names = {"BRONZE_LANDED", "SILVER_READY", "GOLD_READY"})
    void everyConsumerAcceptsItsContractsExampleDocument(Contract contract) throws IOException {
        String example;
        try (var in = getClass().getClassLoader().getResourceAsStream(contract.exampleResource())) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Outcome outcome = new Outcome();
        List<Object> handled = new ArrayList<>();
        consumer.consume(outcome.track(example), contract, (Class<Object>) contract.payloadType(), handled::add);
        assertEquals(1, handled.size());
        assertInstanceOf(contract.payloadType(), handled.get(0));
        assertTrue(outcome.acked);
    }

    @Test
    void aRefusedMessageIsNackedWithTheReasonAndNeverHandled() {
        Outcome outcome = new Outcome();
        AtomicInteger calls = new AtomicInteger();
        consumer.consume(outcome.track("{\"dataset\":\"d\"}"), Contract.GOLD_READY, GoldReady.class, p -> calls.incrementAndGet());
        assertEquals(0, calls.get());
        assertInstanceOf(ContractConsumer.ContractRejectedException.class, outcome.nacked.get());
        assertTrue(outcome.nacked.get().getMessage().contains("ingestionId"), outcome.nacked.get().getMessage());
    }

    @Test
    void infrastructureFaultsAreRetriedUntilTheHandlerSucceeds() {
        Outcome outcome = new Outcome();
        AtomicInteger calls = new AtomicInteger();
        consumer.consume(outcome.track(codec.encode(Contract.GOLD_READY, payload)), Contract.GOLD_READY, GoldReady.class, p -> {
            if (calls.incrementAndGet() < 4) {
                throw new IOException("storage unavailable");
            }
        });
        assertEquals(4, calls.get());
        assertTrue(outcome.acked);
    }

    @Test
    void anUnprocessableMessageIsDeadLetteredAtOnce() {
        Outcome outcome = new Outcome();
        AtomicInteger calls = new AtomicInteger();
        consumer.consume(outcome.track(codec.encode(Contract.GOLD_READY, payload)), Contract.GOLD_READY, GoldReady.class, p -> {
            calls.incrementAndGet();
            throw new UnprocessableMessageException("the silver file is corrupt");
        });
        assertEquals(1, calls.get());
        assertInstanceOf(UnprocessableMessageException.class, outcome.nacked.get());
    }

    private static final class Outcome {
        boolean acked;
        final AtomicReference<Throwable> nacked = new AtomicReference<>();

        Message<String> track(String body) {
            return Message.of(body, () -> {
                acked = true;
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                nacked.set(reason);
                return CompletableFuture.completedFuture(null);
            });
        }
    }
}
