package dev.clicklake.kpi.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.kpi.support.PowerBiCheck;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The Power BI project ({@code deploy/powerbi/pbip}) as Power BI Desktop opens it, read by
 * {@code check/pbip.mjs}: its generated parts (M from the .pq files, measures.dax) are up to date; every M text
 * parses with Microsoft's parser; no measure shares its name, case ignored, with a column or measure of any table;
 * every column a table loads or a measure reads is served, with its type, by the entity set it reads in the
 * service's own {@code $metadata}; the day tables carry the incremental refresh policy; the date table relates to
 * them; and the project files point at each other.
 */
@QuarkusTest
class PowerBiProjectTest {

    private static final Path PROJECT = PowerBiCheck.POWERBI.resolve("pbip");
    private static final Set<String> DAY_TABLES = Set.of("Daily", "DailyByCategory", "DailyByBrand", "Hourly", "DailyFunnel");
    private static final Pattern ENTITY_SET = Pattern.compile("KpiFeed\\{\\[Name = \"(\\w+)\"");
    private static final Pattern COLUMN_REFERENCE = Pattern.compile("('(?:[^']|'')+'|\\w+)\\[([^\\]]+)\\]");
    private static final Pattern MEASURE_REFERENCE = Pattern.compile("(?<![\\w'\\]])\\[([^\\]]+)\\]");
    private static final Map<String, Set<String>> EDM_TYPES = Map.of("string", Set.of("Edm.String"),
            "dateTime", Set.of("Edm.Date", "Edm.DateTimeOffset"), "int64", Set.of("Edm.Int16", "Edm.Int32", "Edm.Int64"),
            "decimal", Set.of("Edm.Decimal"), "double", Set.of("Edm.Double"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode model;

    @BeforeAll
    static void readTheProject() throws Exception {
        model = PowerBiCheck.node("pbip.mjs", List.of("model"));
        assertEquals(9, model.path("tables").size(), () -> "the project's tables: " + model.path("tableOrder"));
    }

    @Test
    void theGeneratedPartsAreUpToDate() throws Exception {
        JsonNode stale = PowerBiCheck.node("pbip.mjs", List.of("sync", "--check"));
        assertEquals(0, stale.size(), () -> "out of date with the .pq files or the TMDL measures: " + stale
                + "; run `node pbip.mjs sync` in deploy/powerbi/check");
    }

    @Test
    void everyMTextOfTheProjectParsesWithMicrosoftsParser() {
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        for (JsonNode table : model.path("tables")) {
            for (JsonNode child : children(table, "partition", "refreshPolicy")) {
                if (child.has("m")) {
                    parsed++;
                    if (!child.path("m").path("ok").asBoolean()) {
                        problems.add(table.path("name").asText() + " " + child.path("kind").asText() + ": "
                                + child.path("m").path("error").asText());
                    }
                }
            }
        }
        for (JsonNode expression : model.path("expressions")) {
            parsed++;
            if (!expression.path("m").path("ok").asBoolean()) {
                problems.add("expression " + expression.path("name").asText() + ": " + expression.path("m").path("error").asText());
            }
        }
        assertEquals(8 + DAY_TABLES.size() + 7, parsed, "partitions, refresh policies and expressions");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMeasureNameIsUniqueIgnoringCaseAmongEveryTablesColumnsAndMeasures() {
        Map<String, String> names = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        for (JsonNode table : model.path("tables")) {
            children(table, "column").forEach(c -> names.put(fold(c.path("name").asText()), table.path("name").asText() + "[" + c.path("name").asText() + "]"));
        }
        int measures = 0;
        for (JsonNode table : model.path("tables")) {
            for (JsonNode measure : children(table, "measure")) {
                String name = measure.path("name").asText();
                String earlier = names.putIfAbsent(fold(name), "measure " + table.path("name").asText() + "[" + name + "]");
                if (earlier != null) {
                    clashes.add("measure " + table.path("name").asText() + "[" + name + "] clashes with " + earlier);
                }
                measures++;
            }
        }
        assertTrue(measures > 60, "the project defines the measures");
        assertEquals(List.of(), clashes, "Power BI refuses a name used twice in a model, whatever its case");
    }

    @Test
    void everyColumnATableLoadsIsServedByItsEntitySetWithItsType() throws Exception {
        Map<String, Map<String, String>> served = metadata();
        List<String> problems = new ArrayList<>();
        for (JsonNode table : model.path("tables")) {
            JsonNode partition = children(table, "partition").get(0);
            if (!partition.path("value").asText().equals("m")) {
                continue;
            }
            String name = table.path("name").asText();
            String entitySet = entitySet(partition);
            Map<String, String> properties = served.getOrDefault(entitySet, Map.of());
            if (properties.isEmpty()) {
                problems.add(name + " reads /odata/" + entitySet + ", which $metadata does not list");
            }
            for (JsonNode column : children(table, "column")) {
                String source = column.path("properties").path("sourceColumn").asText();
                String type = column.path("properties").path("dataType").asText();
                String edm = properties.get(source);
                if (edm == null) {
                    problems.add(name + "[" + column.path("name").asText() + "] loads " + source + ", which " + entitySet + " does not serve");
                } else if (!EDM_TYPES.getOrDefault(type, Set.of()).contains(edm)) {
                    problems.add(name + "[" + source + "] is " + type + " but " + entitySet + " serves " + edm);
                }
            }
            String kept = partition.path("properties").path("source").asText();
            assertTrue(kept.contains("KpiColumns[" + name + "]"), () -> name + " keeps the columns of KpiColumns[" + name + "]");
            assertEquals(kpiColumns().get(name), children(table, "column").stream().map(c -> c.path("properties").path("sourceColumn").asText()).toList(),
                    () -> name + "'s columns are the ones its query keeps (shared/KpiColumns.pq), in order");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFieldAnMPartitionReadsIsServedByItsEntitySet() throws Exception {
        Map<String, Map<String, String>> served = metadata();
        Set<String> kpiColumns = kpiColumns().keySet();
        List<String> problems = new ArrayList<>();
        int fields = 0;
        for (JsonNode table : model.path("tables")) {
            for (JsonNode partition : children(table, "partition", "refreshPolicy")) {
                if (!partition.has("m")) {
                    continue;
                }
                String where = table.path("name").asText() + " " + partition.path("kind").asText();
                String entitySet = entitySet(partition.path("kind").asText().equals("partition") ? partition
                        : children(table, "partition").get(0));
                for (JsonNode field : partition.path("m").path("fields")) {
                    fields++;
                    String record = field.path("record").isNull() ? null : field.path("record").asText();
                    String name = field.path("field").asText();
                    boolean known = record == null ? served.getOrDefault(entitySet, Map.of()).containsKey(name)
                            : record.equals("KpiColumns") ? kpiColumns.contains(name)
                            : record.startsWith("KpiFeed{") && name.equals("Data");
                    if (!known) {
                        problems.add(where + " reads " + (record == null ? "" : record) + "[" + name + "], which "
                                + (record == null ? "/odata/" + entitySet : record) + " does not have");
                    }
                }
            }
        }
        assertTrue(fields > 30, "the partitions read fields");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyColumnADaxExpressionNamesIsAColumnOfTheTableItReadsAndServedByItsEntitySet() throws Exception {
        Map<String, Map<String, String>> served = metadata();
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        model.path("tables").forEach(t -> tables.put(t.path("name").asText(), t));
        Set<String> measureNames = new java.util.TreeSet<>();
        tables.values().forEach(t -> children(t, "measure").forEach(m -> measureNames.add(m.path("name").asText())));
        List<String> problems = new ArrayList<>();
        int references = 0;
        for (JsonNode table : tables.values()) {
            // every DAX text: measures, calculated columns, calculated tables' partitions
            List<JsonNode> daxObjects = new ArrayList<>(children(table, "measure"));
            children(table, "column").stream().filter(c -> !c.path("value").isNull()).forEach(daxObjects::add);
            children(table, "partition").stream().filter(p -> p.path("value").asText().equals("calculated"))
                    .forEach(daxObjects::add);
            for (JsonNode expression : daxObjects) {
                String dax = expression.path("kind").asText().equals("partition")
                        ? expression.path("properties").path("source").asText() : expression.path("value").asText();
                Matcher column = COLUMN_REFERENCE.matcher(dax);
                while (column.find()) {
                    references++;
                    String read = column.group(1).replaceAll("^'(.*)'$", "$1").replace("''", "'");
                    String name = column.group(2);
                    JsonNode target = tables.get(read);
                    String entitySet = target == null ? null : entitySet(children(target, "partition").get(0));
                    if (target == null || children(target, "column").stream().noneMatch(c -> c.path("name").asText().equals(name))) {
                        problems.add(expression.path("name").asText() + " reads " + read + "[" + name + "], which the model does not have");
                    } else if (entitySet != null && !served.getOrDefault(entitySet, Map.of()).containsKey(name)) {
                        problems.add(expression.path("name").asText() + " reads " + read + "[" + name + "], which /odata/" + entitySet + " does not serve");
                    }
                }
                Matcher reference = MEASURE_REFERENCE.matcher(dax);
                while (reference.find()) {
                    if (!measureNames.contains(reference.group(1))) {
                        problems.add(expression.path("name").asText() + " uses [" + reference.group(1) + "], which no measure defines");
                    }
                }
            }
        }
        assertTrue(references > 100, "the DAX expressions read the tables' columns");
        assertEquals(List.of(), problems);
    }

    @Test
    void theDayTablesHaveAnIncrementalRefreshPolicyOnTheirOwnQuery() {
        for (JsonNode table : model.path("tables")) {
            String name = table.path("name").asText();
            List<JsonNode> policy = children(table, "refreshPolicy");
            if (!DAY_TABLES.contains(name)) {
                assertEquals(0, policy.size(), () -> name + " refreshes whole");
                continue;
            }
            assertEquals(1, policy.size(), () -> name + " has a refresh policy");
            JsonNode properties = policy.get(0).path("properties");
            assertEquals("basic", properties.path("policyType").asText());
            assertEquals("day", properties.path("incrementalGranularity").asText());
            assertEquals("7", properties.path("incrementalPeriods").asText());
            assertEquals("year", properties.path("rollingWindowGranularity").asText());
            assertEquals("3", properties.path("rollingWindowPeriods").asText());
            String source = properties.path("sourceExpression").asText();
            assertEquals(children(table, "partition").get(0).path("properties").path("source").asText(), source,
                    () -> name + "'s policy loads what its partition loads");
            assertTrue(source.contains("[event_date] >= Date.From(RangeStart) and [event_date] < Date.From(RangeEnd)"),
                    () -> name + " filters [RangeStart, RangeEnd): " + source);
        }
    }

    @Test
    void theDateTableIsMarkedAndEveryDayTableRelatesToIt() {
        JsonNode date = StreamSupport.stream(model.path("tables").spliterator(), false)
                .filter(t -> t.path("name").asText().equals("Date")).findFirst().orElseThrow();
        assertEquals("Time", date.path("properties").path("dataCategory").asText(), "marked as a date table");
        JsonNode key = children(date, "column").get(0);
        assertEquals("Date", key.path("name").asText());
        assertTrue(StreamSupport.stream(key.path("flags").spliterator(), false).anyMatch(f -> f.asText().equals("isKey")));
        assertEquals("calculated", children(date, "partition").get(0).path("value").asText());
        List<String> related = new ArrayList<>();
        for (JsonNode relationship : model.path("relationships")) {
            assertEquals("Date.Date", relationship.path("properties").path("toColumn").asText());
            related.add(relationship.path("properties").path("fromColumn").asText());
        }
        assertEquals(DAY_TABLES.stream().map(t -> t + ".event_date").sorted().toList(), related.stream().sorted().toList());
    }

    @Test
    void theProjectFilesPointAtEachOther() throws Exception {
        JsonNode pbip = JSON.readTree(PROJECT.resolve("Clicklake.pbip").toFile());
        Path report = PROJECT.resolve(pbip.path("artifacts").get(0).path("report").path("path").asText());
        assertTrue(Files.isRegularFile(report.resolve("report.json")), () -> report + " holds the report");
        JsonNode pbir = JSON.readTree(report.resolve("definition.pbir").toFile());
        Path semanticModel = report.resolve(pbir.path("datasetReference").path("byPath").path("path").asText()).normalize();
        JsonNode pbism = JSON.readTree(semanticModel.resolve("definition.pbism").toFile());
        assertEquals("4.0", pbism.path("version").asText(), "version 4.0: the model is the TMDL folder definition/");
        try (Stream<Path> files = Files.list(semanticModel.resolve("definition").resolve("tables"))) {
            assertEquals(files.map(f -> f.getFileName().toString().replace(".tmdl", "")).sorted().toList(),
                    StreamSupport.stream(model.path("tableOrder").spliterator(), false).map(JsonNode::asText).sorted().toList(),
                    "model.tmdl refers to every table file");
        }
        assertEquals("powerBI_V3", model.path("model").path("properties").path("defaultPowerBIDataSourceVersion").asText());
    }

    /** The entity sets of the service's {@code $metadata}: name to property to Edm type. */
    private static Map<String, Map<String, String>> metadata() throws Exception {
        String xml = Reader.given().when().get("/odata/$metadata").then().statusCode(200).extract().asString();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        NodeList entityTypes = document.getElementsByTagName("EntityType");
        for (int i = 0; i < entityTypes.getLength(); i++) {
            Element type = (Element) entityTypes.item(i);
            Map<String, String> properties = new LinkedHashMap<>();
            NodeList list = type.getElementsByTagName("Property");
            for (int p = 0; p < list.getLength(); p++) {
                Element property = (Element) list.item(p);
                properties.put(property.getAttribute("Name"), property.getAttribute("Type"));
            }
            types.put(type.getAttribute("Name"), properties);
        }
        Map<String, Map<String, String>> sets = new LinkedHashMap<>();
        NodeList entitySets = document.getElementsByTagName("EntitySet");
        for (int i = 0; i < entitySets.getLength(); i++) {
            Element set = (Element) entitySets.item(i);
            String type = set.getAttribute("EntityType");
            sets.put(set.getAttribute("Name"), types.getOrDefault(type.substring(type.lastIndexOf('.') + 1), Map.of()));
        }
        assertTrue(sets.containsKey("Daily") && !sets.get("Daily").isEmpty(), () -> "$metadata's entity sets: " + sets);
        return sets;
    }

    /** KpiColumns' table definitions, as the expression the project carries: table to column names in order. */
    private static Map<String, List<String>> kpiColumns() {
        JsonNode expression = StreamSupport.stream(model.path("expressions").spliterator(), false)
                .filter(e -> e.path("name").asText().equals("KpiColumns")).findFirst().orElseThrow();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        expression.path("m").path("records").get(0).path("fields").fields().forEachRemaining(field -> {
            List<String> columns = new ArrayList<>();
            Matcher name = Pattern.compile("\\{\"([a-z_]+)\",").matcher(field.getValue().asText());
            while (name.find()) {
                columns.add(name.group(1));
            }
            tables.put(field.getKey(), columns);
        });
        return tables;
    }

    private static String entitySet(JsonNode partition) {
        Matcher set = ENTITY_SET.matcher(partition.path("properties").path("source").asText());
        return set.find() ? set.group(1) : null;
    }

    private static List<JsonNode> children(JsonNode node, String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return StreamSupport.stream(node.path("children").spliterator(), false)
                .filter(c -> wanted.contains(c.path("kind").asText())).toList();
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
