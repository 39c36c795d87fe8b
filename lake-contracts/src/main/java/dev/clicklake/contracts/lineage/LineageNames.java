package dev.clicklake.contracts.lineage;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How datasets are named, following OpenLineage's naming conventions so that a lineage server joins the events of
 * the three services on the same nodes: a lake object by where it lives ({@code abfss://<container>@<account
 * host>} + its path on ADLS Gen2; {@code file} + its absolute path in a local lake), a PostgreSQL table as
 * {@code postgres://<host>:<port>} + {@code <database>.<schema>.<table>}, a source URL by its scheme and authority
 * + its path.
 */
public final class LineageNames {

    private static final String BLOB_HOST = ".blob.core.windows.net";
    private static final String DFS_HOST = ".dfs.core.windows.net";
    private static final int POSTGRES_PORT = 5432;

    private final URI adlsEndpoint;
    private final Path localRoot;

    private LineageNames(URI adlsEndpoint, Path localRoot) {
        this.adlsEndpoint = adlsEndpoint;
        this.localRoot = localRoot;
    }

    /** The names of the lake {@code config} describes. */
    public static LineageNames of(LakeConfig config) {
        return switch (config.kind()) {
            case LOCAL -> local(Path.of(config.local().root()));
            case ADLS -> adls(URI.create(config.adls().endpoint().orElseThrow(() -> new IllegalStateException(
                    "clicklake.lake.adls.endpoint is required when clicklake.lake.kind=adls"))));
        };
    }

    /** A lake on ADLS Gen2 (or Azurite, whose endpoint path names the account) at {@code endpoint}. */
    public static LineageNames adls(URI endpoint) {
        return new LineageNames(endpoint, null);
    }

    /** A lake in the local folder {@code root}. */
    public static LineageNames local(Path root) {
        return new LineageNames(null, root.toAbsolutePath().normalize());
    }

    /** The lake object or folder at {@code location}. */
    public LineageDataset lake(LakeLocation location) {
        if (localRoot != null) {
            return LineageDataset.of("file", localRoot.resolve(location.container()).resolve(location.path()).toString());
        }
        String host = adlsEndpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(BLOB_HOST)) {
            host = host.substring(0, host.length() - BLOB_HOST.length()) + DFS_HOST;
        }
        String port = adlsEndpoint.getPort() < 0 ? "" : ":" + adlsEndpoint.getPort();
        String accountPath = adlsEndpoint.getPath() == null ? "" : adlsEndpoint.getPath().replaceAll("/+$", "");
        return LineageDataset.of("abfss://" + location.container() + "@" + host + port + accountPath, location.path());
    }

    /** Table {@code schema.table} of the PostgreSQL database a {@code jdbc:postgresql://host[:port]/database} URL names. */
    public static LineageDataset postgresTable(String jdbcUrl, String schema, String table) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + jdbcUrl.split("\\?", 2)[0]);
        }
        String rest = jdbcUrl.substring(prefix.length()).split("\\?", 2)[0];
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        String first = hosts.split(",", 2)[0];
        String hostPort = first.contains(":") ? first : first + ":" + POSTGRES_PORT;
        return LineageDataset.of("postgres://" + hostPort, database + "." + schema + "." + table);
    }

    /** A source the bytes were read from, by its URI ({@code https://host/path}, {@code file:/path}); no credentials. */
    public static LineageDataset source(URI uri) {
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return LineageDataset.of("file", uri.getPath());
        }
        String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return LineageDataset.of(scheme + "://" + authority, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }
}
