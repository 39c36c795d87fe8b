package dev.clicklake.contracts.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clicklake.contracts.storage.LakeLocation;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LineageNamesTest {

    private static final LakeLocation BRONZE = LakeLocation.of("bronze", "shop/2026-12-08/id/events.csv");

    @Test
    void anAdlsObjectIsNamedByItsAbfssContainerAndPath() {
        LineageDataset named = LineageNames.adls(URI.create("https://acct.dfs.core.windows.net")).lake(BRONZE);
        assertEquals("abfss://bronze@acct.dfs.core.windows.net", named.namespace());
        assertEquals(BRONZE.path(), named.name());
    }

    @Test
    void aBlobEndpointNamesTheSameAccountAsItsDfsEndpoint() {
        assertEquals("abfss://bronze@acct.dfs.core.windows.net",
                LineageNames.adls(URI.create("https://ACCT.blob.core.windows.net/")).lake(BRONZE).namespace());
    }

    @Test
    void azuritesAccountInTheEndpointPathStaysInTheNamespace() {
        assertEquals("abfss://bronze@127.0.0.1:10000/devstoreaccount1",
                LineageNames.adls(URI.create("http://127.0.0.1:10000/devstoreaccount1")).lake(BRONZE).namespace());
    }

    @Test
    void aLocalLakeObjectIsNamedByItsAbsolutePath() {
        Path root = Path.of("target", "lake");
        LineageDataset named = LineageNames.local(root).lake(BRONZE);
        assertEquals("file", named.namespace());
        assertEquals(root.toAbsolutePath().normalize().resolve("bronze").resolve(BRONZE.path()).toString(), named.name());
    }

    @Test
    void aPostgresTableIsNamedByHostPortDatabaseSchemaAndTable() {
        LineageDataset table = LineageNames.postgresTable("jdbc:postgresql://db.example:6432/clicklake_kpi?ssl=true",
                "public", "daily_kpi");
        assertEquals("postgres://db.example:6432", table.namespace());
        assertEquals("clicklake_kpi.public.daily_kpi", table.name());
        assertEquals("postgres://127.0.0.1:5432", LineageNames.postgresTable(
                "jdbc:postgresql://127.0.0.1,127.0.0.2:5433/kpi", "public", "t").namespace(), "the first host, default port");
        assertThrows(IllegalArgumentException.class, () -> LineageNames.postgresTable("jdbc:h2:mem:x", "public", "t"));
    }

    @Test
    void aSourceUrlIsNamedBySchemeAuthorityAndPathWithItsQuery() {
        LineageDataset source = LineageNames.source(URI.create("https://data.example:8443/rees46/2019-Oct.csv.gz?v=2"));
        assertEquals("https://data.example:8443", source.namespace());
        assertEquals("/rees46/2019-Oct.csv.gz?v=2", source.name());
        LineageDataset file = LineageNames.source(URI.create("file:/srv/import/shop/a.csv"));
        assertEquals("file", file.namespace());
        assertEquals("/srv/import/shop/a.csv", file.name());
    }
}
