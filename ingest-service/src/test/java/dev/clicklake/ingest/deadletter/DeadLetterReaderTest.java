package dev.clicklake.ingest.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.SplitKey;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dead-letter records as SmallRye's dead-letter queue writes them, and records that are none of ours. */
class DeadLetterReaderTest {

    private static final String ID = "6a1f0d2c-3b4e-4c5d-8e9f-0a1b2c3d4e5f";
    private final DeadLetterReader reader = new DeadLetterReader("p-bronze-landed", "p-silver-ready");

    @Test
    void aRefusedSplitMessageIsTracedToItsSplitStepAndReason() {
        Map<String, String> headers = headers("p-bronze-landed", "the bronze object bronze/d/f.csv no longer exists");
        headers.put("dead-letter-partition", "2");
        headers.put("dead-letter-offset", "41");
        headers.put("ce_ingestionid", ID);

        SplitDeadLetter dead = split(reader.read(ID + "/3", headers));

        assertEquals(new SplitDeadLetter(new SplitKey(UUID.fromString(ID), 3), FailedStep.SILVER, "p-bronze-landed", 2, 41L,
                "the bronze object bronze/d/f.csv no longer exists"), dead);
        assertEquals("split 3 of 5 was dead-lettered: its bronze-landed message (p-bronze-landed partition 2 offset 41) "
                + "was refused, its events did not reach silver: the bronze object bronze/d/f.csv no longer exists; "
                + "land the same file again to recover its events", dead.ingestionReason(5));
    }

    @Test
    void aRefusedSilverReadyIsTheGoldStepAndTheCauseIsKept() {
        Map<String, String> headers = headers("p-silver-ready", "silver file missing");
        headers.put("dead-letter-cause", "NoSuchFileException: x.parquet");
        headers.put("dead-letter-offset", "not a number");

        SplitDeadLetter dead = split(reader.read(ID + "/0", headers));

        assertEquals(FailedStep.GOLD, dead.step());
        assertEquals("silver file missing (cause: NoSuchFileException: x.parquet)", dead.reason());
        assertEquals("p-silver-ready", dead.origin());
    }

    @Test
    void aDeadLetterWithoutAReasonSaysSo() {
        Map<String, String> headers = new HashMap<>(Map.of("dead-letter-topic", "p-bronze-landed"));
        assertTrue(split(reader.read(ID + "/0", headers)).reason().startsWith("no reason given"));
    }

    @Test
    void recordsThatAreNotASplitsDeadLetterAreIgnoredWithTheirReason() {
        assertIgnored("no dead-letter-topic", reader.read(ID + "/0", Map.of("dead-letter-reason", "x")));
        assertIgnored("not one of a split's steps", reader.read(ID + "/0", headers("orders", "x")));
        assertIgnored("not one of a split's steps", reader.read(ID, headers("p-gold-ready", "x")));
        assertIgnored("does not name a split", reader.read(ID, headers("p-bronze-landed", "x")));
        assertIgnored("does not name a split", reader.read(null, headers("p-silver-ready", "x")));
        Map<String, String> otherIngestion = headers("p-bronze-landed", "x");
        otherIngestion.put("ce_ingestionid", UUID.randomUUID().toString());
        assertIgnored("name different ingestions", reader.read(ID + "/0", otherIngestion));
    }

    @Test
    void theLedgerDecisionKeepsTheFirstDeadLetterOfASplitAndSkipsStepsAlreadyDone() {
        assertEquals(DeadLetterOutcome.INGESTION_FAILED, DeadLetterOutcome.decide(false, false, false));
        assertEquals(DeadLetterOutcome.SPLIT_RECORDED, DeadLetterOutcome.decide(true, false, false));
        assertEquals(DeadLetterOutcome.ALREADY_RECORDED, DeadLetterOutcome.decide(true, true, false));
        assertEquals(DeadLetterOutcome.STEP_ALREADY_DONE, DeadLetterOutcome.decide(false, false, true));
        assertTrue(FailedStep.SILVER.alreadyDone(true, false));
        assertTrue(!FailedStep.GOLD.alreadyDone(true, false));
    }

    private static Map<String, String> headers(String topic, String reason) {
        return new HashMap<>(Map.of("dead-letter-topic", topic, "dead-letter-reason", reason));
    }

    private static SplitDeadLetter split(DeadLetterReading reading) {
        return assertInstanceOf(DeadLetterReading.OfSplit.class, reading).deadLetter();
    }

    private static void assertIgnored(String why, DeadLetterReading reading) {
        String told = assertInstanceOf(DeadLetterReading.Ignored.class, reading).why();
        assertTrue(told.contains(why), told);
    }
}
