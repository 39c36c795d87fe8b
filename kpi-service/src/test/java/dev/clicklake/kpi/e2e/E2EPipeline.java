package dev.clicklake.kpi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.storage.AdlsCredential;
import dev.clicklake.contracts.storage.LakeSettings;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.LakeStorageFactory;
import dev.clicklake.contracts.testing.KafkaTestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The three packaged services of one end-to-end test, as separate JVMs against the local stack (real Kafka,
 * PostgreSQL and Azurite): topics of their own (a fresh prefix), the test's databases, API keys made up for the
 * run, small splits, lineage events sent to an endpoint of the test's own ({@link LineageCollector}); plus the HTTP
 * calls the tests make and the comparison of the served daily figures with the test's own count of the file
 * ({@link ExpectedDailyFigures}).
 */
final class E2EPipeline implements AutoCloseable {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final String AZURITE = "http://127.0.0.1:10000/devstoreaccount1";
    private static final String AZURITE_CONNECTION_STRING = "UseDevelopmentStorage=true";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path work;
    private final String topicPrefix = "e2e-" + UUID.randomUUID() + "-";
    private final String ingestApiKey = UUID.randomUUID().toString();
    private final String readerApiKey = UUID.randomUUID().toString();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, ServiceProcess> running = new HashMap<>();
    private final List<ServiceProcess> started = new ArrayList<>();
    private final String lineageApiKey = UUID.randomUUID().toString();
    private final LineageCollector lineage;

    /**
     * @param work the test's folder (its generated files, and the services' logs under {@code logs/})
     * @param ingestDatabase and {@code kpiDatabase}: PostgreSQL databases the test owns (deploy/local/stack.sh
     *     creates them)
     */
    E2EPipeline(Path work, String ingestDatabase, String kpiDatabase) {
        this.work = work;
        try {
            this.lineage = new LineageCollector();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test's lineage endpoint", e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestClient.bootstrapServers());
        env.put("CLICKLAKE_TOPIC_PREFIX", topicPrefix);
        env.put("CLICKLAKE_LAKE_KIND", "adls");
        env.put("CLICKLAKE_LAKE_ADLS_ENDPOINT", AZURITE);
        env.put("CLICKLAKE_LAKE_ADLS_AUTH", "connection-string");
        env.put("CLICKLAKE_LAKE_ADLS_CONNECTION_STRING", AZURITE_CONNECTION_STRING);
        // small splits, so that one file travels as several bronze-landed / silver-ready messages
        env.put("CLICKLAKE_INGEST_SPLIT_TARGET_SIZE", "256K");
        // every stage's OpenLineage events, over the HTTP transport, to the test's own endpoint
        env.put("CLICKLAKE_LINEAGE_TRANSPORT", "http");
        env.put("CLICKLAKE_LINEAGE_HTTP_URL", lineage.url());
        env.put("CLICKLAKE_LINEAGE_HTTP_API_KEY", lineageApiKey);

        Map<String, String> ingest = new HashMap<>(env);
        ingest.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + ingestDatabase);
        ingest.put("CLICKLAKE_INGEST_API_KEYS", ingestApiKey);
        Map<String, String> kpi = new HashMap<>(env);
        kpi.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + kpiDatabase);
        kpi.put("CLICKLAKE_KPI_AUTH_API_KEYS", readerApiKey);
        environments.put("ingest-service", ingest);
        environments.put("enrich-service", env);
        environments.put("kpi-service", kpi);
    }

    /** Starts the named services (ingest-service, enrich-service, kpi-service) side by side and waits until each is ready. */
    void start(String... services) throws Exception {
        List<ServiceProcess> now = new ArrayList<>();
        for (String service : services) {
            ServiceProcess process = ServiceProcess.start(REPO, service, environments.get(service), work.resolve("logs"));
            running.put(service, process);
            started.add(process);
            now.add(process);
        }
        for (ServiceProcess process : now) {
            process.awaitReady(Duration.ofSeconds(120));
        }
    }

    /** The lineage events the services have sent so far. */
    List<JsonNode> lineageEvents() {
        return lineage.events();
    }

    /** The Authorization headers the lineage events came with: the API key given to the services, as a bearer token. */
    Set<String> lineageAuthorizations() {
        return lineage.authorizations();
    }

    String lineageApiKey() {
        return lineageApiKey;
    }

    /** The topic of this run named {@code name} (e.g. {@code bronze-landed}), prefix included. */
    String topic(String name) {
        return topicPrefix + name;
    }

    /** A generated CSV file in the test's folder. */
    Path generate(String name, ClickstreamOptions options) throws Exception {
        Files.createDirectories(work);
        Path csv = work.resolve(name + ".csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            new ClickstreamGenerator(options).generate(out);
        }
        return csv;
    }

    /** Uploads {@code csv} through ingest-service's {@code POST /ingestions}; the answer as it came. */
    HttpResponse<String> land(String dataset, Path csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service("ingest-service").baseUrl()
                        + "/ingestions?dataset=" + dataset + "&fileName=" + csv.getFileName()))
                .header("Content-Type", "text/csv")
                .header("X-API-Key", ingestApiKey)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /ingestions/{id}}. */
    JsonNode ingestion(String id) throws Exception {
        return JSON.readTree(get(service("ingest-service").baseUrl() + "/ingestions/" + id, ingestApiKey));
    }

    /**
     * Polls {@code GET /ingestions/{id}} until the view satisfies {@code reached}, and returns it; fails with the last
     * view and the services' log tails when it does not within {@code timeout}, or as soon as the ingestion ends
     * in a status in {@code hopeless}.
     */
    JsonNode awaitIngestion(String id, String what, Predicate<JsonNode> reached, List<String> hopeless,
            Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = ingestion(id);
            if (reached.test(view)) {
                return view;
            }
            if (hopeless.contains(view.get("status").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("ingestion " + id + " did not reach " + what + ": " + view + logTails());
    }

    /** {@link #awaitIngestion} until GOLD_READY; FAILED or REJECTED fail at once. */
    JsonNode awaitGold(String id, Duration timeout) throws Exception {
        return awaitIngestion(id, "GOLD_READY", view -> "GOLD_READY".equals(view.get("status").asText()),
                List.of("FAILED", "REJECTED"), timeout);
    }

    /** kpi-service's {@code /kpi/daily} for the dataset must equal the test's own count of {@code csv}, day by day. */
    void assertServedDailyFiguresEqualTheFiles(String dataset, Path csv, String from, String to) throws Exception {
        Map<String, ExpectedDailyFigures.Day> expected = ExpectedDailyFigures.of(csv);
        JsonNode served = JSON.readTree(get(service("kpi-service").baseUrl() + "/kpi/daily?dataset=" + dataset
                + "&from=" + from + "&to=" + to));
        assertEquals(expected.size(), served.size(), "one row per day: " + served);
        for (JsonNode day : served) {
            String at = dataset + " " + day.get("eventDate").asText();
            ExpectedDailyFigures.Day want = expected.get(day.get("eventDate").asText());
            if (want == null) {
                throw new AssertionError("a day the file does not have: " + at + " " + served);
            }
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

    /** The lake the services use (Azurite), for the test's own reads and deletes. */
    static LakeStorage lake() {
        return LakeStorageFactory.create(new LakeSettings.Adls(URI.create(AZURITE),
                new AdlsCredential.ConnectionString(AZURITE_CONNECTION_STRING)));
    }

    String logTails() {
        StringBuilder logs = new StringBuilder();
        running.forEach((name, service) -> logs.append("\n---- ").append(name).append(' ').append(service.baseUrl())
                .append('\n').append(service.logTail()));
        return logs.toString();
    }

    private ServiceProcess service(String name) {
        ServiceProcess process = running.get(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process;
    }

    private String get(String url) throws Exception {
        return get(url, readerApiKey);
    }

    /** A GET with the key of the service it asks (the ledger needs ingest-service's key, the gold a reader's). */
    private String get(String url, String apiKey) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("X-API-Key", apiKey).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " -> " + response.body());
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.close();
        }
        lineage.close();
    }
}
