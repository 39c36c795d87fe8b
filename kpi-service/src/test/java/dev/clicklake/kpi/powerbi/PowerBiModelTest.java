package dev.clicklake.kpi.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.support.PowerBiCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Power BI model as Power BI Desktop would load it: every M file parses with Microsoft's own parser
 * ({@code @microsoft/powerquery-parser}, run by {@code deploy/powerbi/check/parse-m.mjs}, installed with npm from
 * its lock file on first use); a measure never shares its name, case ignored, with another measure or with any
 * table's column; every column a measure or an M query names is loaded by the model and served by the entity set
 * or CSV export it reads (the service's own {@link GoldCatalog}).
 */
class PowerBiModelTest {

    private static final Path POWERBI = PowerBiCheck.POWERBI;
    private static final Path CHECK = PowerBiCheck.CHECK;
    private static final Pattern MEASURE = Pattern.compile("(?m)^\\s*MEASURE (\\w+)\\[([^\\]]+)\\] = (.*)$");
    private static final Pattern COLUMN_REFERENCE = Pattern.compile("(\\w+)\\[([^\\]]+)\\]");
    private static final Pattern MEASURE_REFERENCE = Pattern.compile("(?<![\\w\\]])\\[([^\\]]+)\\]");
    private static final Pattern QUOTED_NAME = Pattern.compile("\\{\"([a-z_]+)\",");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("dataset", "from", "to");
    /** The connections themselves, which every query of their folder calls. */
    private static final Set<String> HELPERS = Set.of("odata/KpiFeed.pq", "web/KpiExport.pq");

    /** File name relative to deploy/powerbi to what the parser found in it. */
    private static Map<String, JsonNode> parsed;
    /** The model's tables (the query names) to the columns they load, from shared/KpiColumns.pq. */
    private static Map<String, List<String>> model;

    @BeforeAll
    static void parseEveryMFile() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(POWERBI)) {
            files = walk.filter(f -> f.toString().endsWith(".pq") && !f.startsWith(CHECK.resolve("node_modules"))).sorted().toList();
        }
        assertTrue(files.size() >= 20, () -> "the M files: " + files);
        parsed = new TreeMap<>();
        for (JsonNode result : parse(files)) {
            parsed.put(POWERBI.relativize(Path.of(result.path("file").asText())).toString().replace('\\', '/'), result);
        }
        assertEquals(files.size(), parsed.size());
        JsonNode columns = parsed.get("shared/KpiColumns.pq").path("records").get(0).path("fields");
        model = new LinkedHashMap<>();
        columns.fields().forEachRemaining(table -> model.put(table.getKey(), all(QUOTED_NAME, table.getValue().asText())));
        assertEquals(8, model.size(), () -> "KpiColumns' tables: " + model.keySet());
    }

    @Test
    void everyMFileParsesWithMicrosoftsParser() {
        parsed.forEach((file, result) -> assertTrue(result.path("ok").asBoolean(),
                () -> file + " does not parse: " + result.path("error").asText()));
    }

    @Test
    void theParserRefusesBrokenM(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("Broken.pq"), "let\n    Rows = KpiFeed{[Name = \"Daily\"]}[Data],\nin\n    Rows\n");
        JsonNode result = parse(List.of(broken)).get(0);
        assertFalse(result.path("ok").asBoolean(), result::toString);
        assertFalse(result.path("error").asText().isBlank());
    }

    @Test
    void everyMeasureNameIsUniqueIgnoringCaseAmongMeasuresAndEveryTablesColumns() throws IOException {
        Map<String, String> names = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        model.forEach((table, columns) -> columns.forEach(column -> names.put(fold(column), table + "[" + column + "]")));
        Matcher measure = MEASURE.matcher(measures());
        int count = 0;
        while (measure.find()) {
            String table = measure.group(1);
            String name = measure.group(2);
            assertTrue(model.containsKey(table), () -> "measure " + name + " is on " + table + ", not a table of the model");
            String earlier = names.putIfAbsent(fold(name), "measure " + table + "[" + name + "]");
            if (earlier != null) {
                clashes.add("measure " + table + "[" + name + "] clashes with " + earlier);
            }
            count++;
        }
        assertTrue(count > 40, "measures.dax defines the measures");
        assertEquals(List.of(), clashes, "Power BI refuses a name used twice in a model, whatever its case");
    }

    @Test
    void everyColumnAMeasureNamesIsLoadedByTheModelAndServedByItsEntitySet() throws IOException {
        String dax = measures();
        Set<String> measureNames = new TreeSet<>();
        Matcher measure = MEASURE.matcher(dax);
        List<String> problems = new ArrayList<>();
        while (measure.find()) {
            measureNames.add(measure.group(2));
            Matcher column = COLUMN_REFERENCE.matcher(measure.group(3));
            while (column.find()) {
                String table = column.group(1);
                String name = column.group(2);
                if (!model.getOrDefault(table, List.of()).contains(name)) {
                    problems.add(measure.group(2) + " reads " + table + "[" + name + "], which the model does not load");
                }
                if (GoldCatalog.byEntitySet(table).flatMap(t -> t.column(name)).isEmpty()) {
                    problems.add(measure.group(2) + " reads " + table + "[" + name + "], which /odata/" + table + " does not serve");
                }
            }
        }
        Matcher reference = MEASURE_REFERENCE.matcher(dax.replaceAll("(?m)//.*$", ""));
        while (reference.find()) {
            if (!measureNames.contains(reference.group(1))) {
                problems.add("measures.dax uses [" + reference.group(1) + "], which no measure defines");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyColumnAnMQueryNamesIsServedByTheFeedOrExportItReads() {
        List<String> problems = new ArrayList<>();
        parsed.forEach((file, result) -> {
            if (!file.startsWith("odata/") && !file.startsWith("web/") || HELPERS.contains(file)) {
                return;
            }
            Map<String, GoldTable> read = new LinkedHashMap<>();
            for (JsonNode call : result.path("calls")) {
                List<String> args = new ArrayList<>();
                call.path("args").forEach(a -> args.add(a.asText()));
                if (call.path("name").asText().equals("KpiExport") && args.get(0).startsWith("\"")) {
                    String export = args.get(0).replace("\"", "");
                    GoldCatalog.byExportName(export).ifPresentOrElse(t -> read.put(args.get(2), t),
                            () -> problems.add(file + " reads /export/" + export + ".csv, which is not served"));
                    record(result, args.get(1)).fieldNames().forEachRemaining(p -> {
                        if (!EXPORT_PARAMETERS.contains(p)) {
                            problems.add(file + " sends " + p + " to /export/" + export + ".csv, which takes " + EXPORT_PARAMETERS);
                        }
                    });
                }
                if (call.path("name").asText().equals("KpiTyped") && file.startsWith("odata/")) {
                    String table = args.get(1).replaceAll("^KpiColumns\\[(\\w+)\\]$", "$1");
                    for (JsonNode record : result.path("records")) {
                        String entitySet = record.path("fields").path("Name").asText().replace("\"", "");
                        if (!entitySet.isEmpty()) {
                            GoldCatalog.byEntitySet(entitySet).ifPresentOrElse(t -> read.put("KpiColumns[" + table + "]", t),
                                    () -> problems.add(file + " reads /odata/" + entitySet + ", which is not served"));
                        }
                    }
                }
            }
            if (read.isEmpty()) {
                problems.add(file + " reads no feed or export");
            }
            read.forEach((kept, table) -> model.getOrDefault(kept.replaceAll("^KpiColumns\\[(\\w+)\\]$", "$1"), List.of())
                    .stream().filter(c -> table.column(c).isEmpty())
                    .forEach(c -> problems.add(file + " keeps " + c + " (" + kept + "), which " + table.entitySet() + " does not serve")));
            for (JsonNode field : result.path("fields")) {
                String record = field.path("record").isNull() ? null : field.path("record").asText();
                String name = field.path("field").asText();
                boolean known = "KpiColumns".equals(record) ? model.containsKey(name)
                        : record != null && record.startsWith("KpiFeed{") ? name.equals("Data")
                        : read.values().stream().anyMatch(t -> t.column(name).isPresent());
                if (!known) {
                    problems.add(file + " reads " + (record == null ? "" : record) + "[" + name + "], which what it reads does not have");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void webMonthlyAsksFromTheFirstDayOfTheDatasetsFirstMonth() {
        JsonNode monthly = parsed.get("web/Monthly.pq");
        JsonNode query = null;
        for (JsonNode call : monthly.path("calls")) {
            if (call.path("name").asText().equals("KpiExport") && call.path("args").get(0).asText().equals("\"monthly\"")) {
                query = record(monthly, call.path("args").get(1).asText());
            }
        }
        assertTrue(query != null, "web/Monthly.pq reads /export/monthly.csv");
        // a month row is in [from, to) by its first day: from the dataset's first day would drop its first month
        assertEquals("KpiDay(Date.StartOfMonth(Span[first_date]))", query.path("from").asText());
        assertEquals("KpiDay(Date.AddDays(Span[last_date], 1))", query.path("to").asText());
        assertTrue(monthly.path("calls").findValues("name").stream().anyMatch(n -> n.asText().equals("Date.StartOfMonth")));
    }

    private static JsonNode record(JsonNode result, String text) {
        for (JsonNode record : result.path("records")) {
            if (record.path("text").asText().equals(text)) {
                return record.path("fields");
            }
        }
        throw new AssertionError("no record literal " + text);
    }

    private static String measures() throws IOException {
        return Files.readString(POWERBI.resolve("measures.dax"));
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Runs Microsoft's parser over {@code files}: one JSON result per file. */
    private static List<JsonNode> parse(List<Path> files) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        PowerBiCheck.node("parse-m.mjs", files.stream().map(Path::toString).toList()).forEach(results::add);
        return results;
    }
}
