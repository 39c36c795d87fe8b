package dev.clicklake.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clicklake.contracts.storage.LakeLocation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractCodecTest {

    private final ContractCodec codec = new ContractCodec();

    @ParameterizedTest
    @EnumSource(Contract.class)
    void everyExampleDocumentSatisfiesItsSchemaAndMapsOntoItsRecord(Contract contract) throws IOException {
        String example = readExample(contract);
        Decoded<?> decoded = codec.decode(contract, contract.payloadType(), example);
        Decoded.Accepted<?> accepted = assertInstanceOf(Decoded.Accepted.class, decoded, decoded::toString);
        // re-encoding the record gives the same document: the record loses nothing the schema defines
        JsonNode reEncoded = codec.mapper().readTree(codec.encode(contract, accepted.payload()));
        assertEquals(codec.mapper().readTree(example), reEncoded);
    }

    @ParameterizedTest
    @EnumSource(Contract.class)
    void aDocumentMissingARequiredFieldIsRejectedWithTheFieldNamed(Contract contract) throws IOException {
        ObjectNode document = (ObjectNode) codec.mapper().readTree(readExample(contract));
        document.remove("ingestionId");
        Decoded<?> decoded = codec.decode(contract, contract.payloadType(), document.toString());
        Decoded.Rejected<?> rejected = assertInstanceOf(Decoded.Rejected.class, decoded);
        assertTrue(rejected.summary().contains("ingestionId"), rejected.summary());
    }

    @Test
    void malformedDocumentsAreRejectedAsDataNotExceptions() throws IOException {
        assertRejected(Contract.BRONZE_LANDED, "{ not json", "not JSON");
        assertRejected(Contract.BRONZE_LANDED, "", "empty document");
        assertRejectedAfter(Contract.BRONZE_LANDED, d -> d.put("ingestionId", "not-a-uuid"), "ingestionId");
        assertRejectedAfter(Contract.BRONZE_LANDED, d -> ((ObjectNode) d.get("file")).put("bytes", -1), "bytes");
        assertRejectedAfter(Contract.BRONZE_LANDED, d -> ((ObjectNode) d.get("file")).put("container", "Bronze!"), "container");
        assertRejectedAfter(Contract.BRONZE_LANDED, d -> ((ObjectNode) d.get("format")).putArray("columns").add("event_time"), "columns");
        assertRejectedAfter(Contract.SILVER_READY, d -> ((ObjectNode) d.get("counts")).put("written", "many"), "written");
        assertRejectedAfter(Contract.SILVER_READY, d -> ((ObjectNode) d.get("files").get(0)).put("eventDate", "2019-13-45"), "eventDate");
        assertRejectedAfter(Contract.GOLD_READY, d -> d.putArray("grains").add("week"), "grains");
        assertRejectedAfter(Contract.GOLD_READY, d -> d.put("dataSchemaVersion", "gold-kpi/2"), "dataSchemaVersion");
    }

    @Test
    void aPathTheLakeWouldRefuseIsRejectedEvenThoughItMatchesTheSchema() throws IOException {
        assertRejectedAfter(Contract.SILVER_READY,
                d -> ((ObjectNode) d.get("bronzeFile")).put("path", "rees46/../../etc/passwd"), "invalid lake path");
    }

    @Test
    void unknownOptionalFieldsFromANewerProducerAreIgnored() throws IOException {
        ObjectNode document = (ObjectNode) codec.mapper().readTree(readExample(Contract.GOLD_READY));
        document.put("addedInAMinorVersion", 42);
        assertInstanceOf(Decoded.Accepted.class, codec.decode(Contract.GOLD_READY, GoldReady.class, document.toString()));
    }

    @Test
    void aProducerCannotEmitADocumentItsContractForbids() {
        GoldReady wrong = new GoldReady("not-a-uuid", "rees46", new SplitRef(0, 1),
                List.of(LocalDate.of(2019, 10, 1)), List.of("day"), List.of("daily_event_counts"), GoldReady.GOLD_KPI_V1);
        ContractViolationException e = assertThrows(ContractViolationException.class,
                () -> codec.encode(Contract.GOLD_READY, wrong));
        assertTrue(e.getMessage().contains("ingestionId"), e.getMessage());
    }

    @Test
    void recordsBuiltInCodeRoundTripThroughJson() {
        BronzeLanded landed = new BronzeLanded("0f8fad5b-d9cb-469f-a165-70867728950e", "demo", "a.csv", null,
                new LakeFile("bronze", "demo/2026-11-26/x/a.csv", 10, "0".repeat(64), 1),
                new CsvFormat(CsvFormat.REES46_CSV_V1, List.of("event_time", "event_type", "product_id", "category_id",
                        "category_code", "brand", "price", "user_id", "user_session"), true),
                new Split(0, 1, 5, 5, 2, 1), new TimeRange(Instant.parse("2019-10-01T00:00:00Z"), Instant.parse("2019-10-01T00:00:05Z")));
        String json = codec.encode(Contract.BRONZE_LANDED, landed);
        assertEquals(new Decoded.Accepted<>(landed), codec.decode(Contract.BRONZE_LANDED, BronzeLanded.class, json));

        SilverReady ready = new SilverReady("0f8fad5b-d9cb-469f-a165-70867728950e", "demo",
                LakeLocation.of("bronze", "demo/a.csv"), new SplitRef(0, 1), List.of(), null,
                new RowCounts(3, 0, 1, 2, Map.of("price.negative", 2L)), null, SilverReady.SILVER_EVENTS_V1);
        assertEquals(new Decoded.Accepted<>(ready),
                codec.decode(Contract.SILVER_READY, SilverReady.class, codec.encode(Contract.SILVER_READY, ready)));

        SilverReady withBronze = new SilverReady(ready.ingestionId(), ready.dataset(), landed.file().location(),
                ready.split(), ready.files(), null, ready.counts(), null, SilverReady.SILVER_EVENTS_V1,
                BronzeSource.of(landed));
        assertEquals(new Decoded.Accepted<>(withBronze), codec.decode(Contract.SILVER_READY, SilverReady.class,
                codec.encode(Contract.SILVER_READY, withBronze)));
    }

    @Test
    void aSilverReadyOfVersion10HasNoBronzeSource() throws IOException {
        ObjectNode document = (ObjectNode) codec.mapper().readTree(readExample(Contract.SILVER_READY));
        document.remove("bronze");
        Decoded<SilverReady> decoded = codec.decode(Contract.SILVER_READY, SilverReady.class, document.toString());
        assertNull(((Decoded.Accepted<SilverReady>) decoded).payload().bronze());
        assertRejectedAfter(Contract.SILVER_READY, d -> ((ObjectNode) d.get("bronze")).put("bytes", -1), "bronze");
    }

    @Test
    void rowCountsThatDoNotAddUpCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new RowCounts(10, 5, 1, 3, Map.of("x", 3L)));
        assertThrows(IllegalArgumentException.class, () -> new RowCounts(10, 5, 2, 3, Map.of("x", 2L)));
    }

    private void assertRejectedAfter(Contract contract, Consumer<ObjectNode> change, String expectedInReason) throws IOException {
        ObjectNode document = (ObjectNode) codec.mapper().readTree(readExample(contract));
        change.accept(document);
        assertRejected(contract, document.toString(), expectedInReason);
    }

    private void assertRejected(Contract contract, String json, String expectedInReason) {
        Decoded<?> decoded = codec.decode(contract, contract.payloadType(), json);
        Decoded.Rejected<?> rejected = assertInstanceOf(Decoded.Rejected.class, decoded, json);
        assertFalse(rejected.reasons().isEmpty());
        assertTrue(rejected.summary().contains(expectedInReason), rejected.summary());
    }

    private static String readExample(Contract contract) throws IOException {
        try (InputStream in = ContractCodecTest.class.getClassLoader().getResourceAsStream(contract.exampleResource())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
