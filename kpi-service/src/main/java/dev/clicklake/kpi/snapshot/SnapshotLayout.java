package dev.clicklake.kpi.snapshot;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where gold snapshots live in the gold container. Every object is immutable and versioned; the manifest of a
 * version is written after its files, so a reader that lists the manifests, takes the greatest and opens the
 * files it names never sees a partial snapshot:
 * <ul>
 *   <li>{@code <dataset>/snapshots/v<version, 19 digits>/<table>.parquet} (monthly_kpi, dataset_kpi)</li>
 *   <li>{@code <dataset>/snapshots/v<version, 19 digits>/<table>/month=<YYYY-MM>.parquet} (the day tables)</li>
 *   <li>{@code <dataset>/manifests/v<version, 19 digits>.json}</li>
 * </ul>
 * Zero-padded versions sort as text in version order.
 */
public final class SnapshotLayout {

    private static final Pattern VERSION = Pattern.compile("/v(\\d{19})(?:/|\\.json$)");

    private SnapshotLayout() {
    }

    public static String manifestsPrefix(String dataset) {
        return dataset + "/manifests/";
    }

    public static String snapshotsPrefix(String dataset) {
        return dataset + "/snapshots/";
    }

    public static String manifestPath(String dataset, long version) {
        return manifestsPrefix(dataset) + "v" + digits(version) + ".json";
    }

    public static String tablePath(String dataset, long version, String table) {
        return snapshotsPrefix(dataset) + "v" + digits(version) + "/" + table + ".parquet";
    }

    public static String monthTablePath(String dataset, long version, String table, YearMonth month) {
        return snapshotsPrefix(dataset) + "v" + digits(version) + "/" + table + "/month=" + month + ".parquet";
    }

    /** The version a manifest or snapshot file path belongs to, if it is one. */
    public static Optional<Long> versionOf(String path) {
        Matcher matcher = VERSION.matcher(path);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    private static String digits(long version) {
        return "%019d".formatted(version);
    }
}
