package dev.clicklake.kpi.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRootTest {

    private static final List<String> ALLOWED = List.of("localhost", "127.0.0.1", "::1", "kpi.internal");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://localhost:8083/           | http://localhost:8083/odata",
            "http://KPI.internal/             | http://KPI.internal/odata",
            "http://[::1]:8083/               | http://[::1]:8083/odata",
            "http://evil.example/             | /odata",
            "http://localhost.evil.example/   | /odata",
            "http://127.0.0.1.nip.io:8083/    | /odata"})
    void aRequestAddressIsRepeatedOnlyForAnAllowedHost(String requestBase, String root) {
        assertEquals(root, ServiceRoot.of(Optional.empty(), ALLOWED, URI.create(requestBase)));
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:8083/", "http://evil.example/"})
    void thePublicAddressWinsWhateverTheRequest(String requestBase) {
        assertEquals("https://kpi.example.com/bi/odata",
                ServiceRoot.of(Optional.of(URI.create("https://kpi.example.com/bi/")), ALLOWED, URI.create(requestBase)));
    }
}
