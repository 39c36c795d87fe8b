package dev.clicklake.kpi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.testing.KafkaTestClient;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as it is deployed: the three packaged services run as separate JVMs against the real
 * Kafka broker, PostgreSQL and Azurite of the local stack; a generated file goes in through ingest-service,
 * and kpi-service's served figures must equal the test's own count of the file.
 */
class PipelineE2EIT {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = Path.of("target", "e2e");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String INGEST_API_KEY = UUID.randomUUID().toString();
    private static final String READER_API_KEY = UUID.randomUUID().toString();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess kpi;

    @BeforeAll
    static void startTheThreeServices() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestClient.bootstrapServers());
        env.put("CLICKLAKE_TOPIC_PREFIX", "e2e-" + UUID.randomUUID() + "-");
        env.put("CLICKLAKE_LAKE_KIND", "adls");
        env.put("CLICKLAKE_LAKE_ADLS_ENDPOINT", "http://127.0.0.1:10000/devstoreaccount1");
        env.put("CLICKLAKE_LAKE_ADLS_AUTH", "connection-string");
        env.put("CLICKLAKE_LAKE_ADLS_CONNECTION_STRING", "UseDevelopmentStorage=true");
        // small splits, so that one file travels as several bronze-landed / silver-ready messages
        env.put("CLICKLAKE_INGEST_SPLIT_TARGET_SIZE", "256K");

        Map<String, String> ingestEnv = new HashMap<>(env);
        ingestEnv.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/clicklake_ingest_e2e");
        ingestEnv.put("CLICKLAKE_INGEST_API_KEYS", INGEST_API_KEY);
        Map<String, String> kpiEnv = new HashMap<>(env);
        kpiEnv.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/clicklake_kpi_e2e");
        kpiEnv.put("CLICKLAKE_KPI_AUTH_API_KEYS", READER_API_KEY);

        Path logs = WORK.resolve("logs");
        ingest = ServiceProcess.start(REPO, "ingest-service", ingestEnv, logs);
        SERVICES.add(ingest);
        SERVICES.add(ServiceProcess.start(REPO, "enrich-service", env, logs));
        kpi = ServiceProcess.start(REPO, "kpi-service", kpiEnv, logs);
        SERVICES.add(kpi);
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
    }

    @Test
    void aGeneratedFileTravelsToGoldAndTheServedFiguresEqualTheFilesOwn() throws Exception {
        String dataset = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = WORK.resolve(dataset + ".csv");
        Files.createDirectories(WORK);
        try (OutputStream out = Files.newOutputStream(csv)) {
            new ClickstreamGenerator(ClickstreamOptions.builder()
                    .seed(2026).rows(30_000).startDate(LocalDate.of(2019, 10, 30)).days(3)
                    // exact duplicate rows, some of them across split boundaries, must count once
                    .duplicateShare(0.01)
                    .build()).generate(out);
        }

        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl()
                        + "/ingestions?dataset=" + dataset + "&fileName=" + csv.getFileName()))
                .header("Content-Type", "text/csv")
                .header("X-API-Key", INGEST_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("id").asText();
        assertTrue(JSON.readTree(accepted.body()).get("journey").get("splits").asInt() > 1, "several splits");

        JsonNode journey = awaitGold(id, Duration.ofMinutes(4));
        long dataRows = journey.get("bronze").get("rows").asLong();
        JsonNode counts = journey.get("journey");
        assertEquals(dataRows, counts.get("rowsWritten").asLong() + counts.get("duplicates").asLong()
                + counts.get("quarantined").asLong(), "every row is written, a duplicate or quarantined");

        Map<String, ExpectedDailyFigures.Day> expected = ExpectedDailyFigures.of(csv);
        JsonNode served = JSON.readTree(get(kpi.baseUrl() + "/kpi/daily?dataset=" + dataset
                + "&from=2019-10-01&to=2019-12-01"));
        assertEquals(expected.size(), served.size(), "one row per day: " + served);
        for (JsonNode day : served) {
            ExpectedDailyFigures.Day want = expected.get(day.get("eventDate").asText());
            String at = dataset + " " + day.get("eventDate").asText();
            assertEquals(want.events, day.get("events").asLong(), "events " + at);
            assertEquals(want.views, day.get("views").asLong(), "views " + at);
            assertEquals(want.carts, day.get("carts").asLong(), "carts " + at);
            assertEquals(want.removes, day.get("removes").asLong(), "removes " + at);
            assertEquals(want.purchases, day.get("purchases").asLong(), "purchases " + at);
            assertEquals(0, want.revenue.compareTo(new BigDecimal(day.get("revenue").asText())), "revenue " + at);
            assertEquals(want.users.size(), day.get("users").asLong(), "users " + at);
            assertEquals(want.sessions.size(), day.get("sessions").asLong(), "sessions " + at);
        }
    }

    private static JsonNode awaitGold(String id, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = JSON.readTree(get(ingest.baseUrl() + "/ingestions/" + id));
            String status = view.get("status").asText();
            if ("GOLD_READY".equals(status)) {
                return view;
            }
            if ("FAILED".equals(status) || "REJECTED".equals(status)) {
                break;
            }
            Thread.sleep(500);
        }
        StringBuilder logs = new StringBuilder();
        for (ServiceProcess service : SERVICES) {
            logs.append("\n---- ").append(service.baseUrl()).append('\n').append(service.logTail());
        }
        throw new AssertionError("ingestion " + id + " did not reach GOLD_READY: " + view + logs);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("X-API-Key", READER_API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " -> " + response.body());
        return response.body();
    }
}
