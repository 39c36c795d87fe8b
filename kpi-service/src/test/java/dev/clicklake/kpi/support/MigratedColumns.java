package dev.clicklake.kpi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The columns of every gold table and view, read from kpi-service's Flyway migrations in version order
 * ({@code CREATE TABLE}, {@code ALTER TABLE ... ADD COLUMN}, {@code CREATE VIEW ... SELECT}).
 */
public final class MigratedColumns {

    public static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN_LINE = Pattern.compile("^\\s*([a-z_]+)\\s+[A-Z]", Pattern.MULTILINE);
    private static final Pattern ALTER_TABLE = Pattern.compile("ALTER TABLE (\\w+)(.*?);", Pattern.DOTALL);
    private static final Pattern ADD_COLUMN = Pattern.compile("ADD COLUMN\\s+([a-z_]+)");
    private static final Pattern CREATE_VIEW = Pattern.compile("CREATE VIEW (\\w+) AS\\s+SELECT (.*?)\\s+FROM", Pattern.DOTALL);

    private MigratedColumns() {
    }

    /** Table or view name to its column names. */
    public static Map<String, Set<String>> read() throws IOException {
        Map<String, Set<String>> tables = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(MIGRATIONS)) {
            files = listed.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        }
        for (Path file : files) {
            String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
            Matcher table = CREATE_TABLE.matcher(sql);
            while (table.find()) {
                Matcher column = COLUMN_LINE.matcher(table.group(2));
                Set<String> columns = tables.computeIfAbsent(table.group(1), name -> new LinkedHashSet<>());
                while (column.find()) {
                    columns.add(column.group(1));
                }
            }
            Matcher alter = ALTER_TABLE.matcher(sql);
            while (alter.find()) {
                Matcher added = ADD_COLUMN.matcher(alter.group(2));
                while (added.find()) {
                    tables.get(alter.group(1)).add(added.group(1));
                }
            }
            Matcher view = CREATE_VIEW.matcher(sql);
            while (view.find()) {
                Set<String> columns = tables.computeIfAbsent(view.group(1), name -> new LinkedHashSet<>());
                for (String item : view.group(2).split(",")) {
                    String[] words = item.trim().split("\\s+");
                    String last = words[words.length - 1];
                    columns.add(last.substring(last.lastIndexOf('.') + 1));
                }
            }
        }
        return tables;
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
