package dev.clicklake.ingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {

    @Test
    void aConfiguredKeyLetsTheRequestThroughAndAnyOtherIsRefusedWith401() {
        ApiKeyCheck check = new ApiKeyCheck(List.of("first-key", " second-key "), false);
        assertTrue(check.check("first-key").isEmpty());
        assertTrue(check.check("second-key").isEmpty());
        assertEquals(401, check.check("first-ke").orElseThrow().status());
        assertEquals(401, check.check(null).orElseThrow().status());
        assertEquals(401, check.check(" ").orElseThrow().status());
    }

    @Test
    void aRefusalNeverRepeatsAKey() {
        ApiKeyCheck check = new ApiKeyCheck(List.of("secret-key"), false);
        assertFalse(check.check("secret-kez").orElseThrow().error().contains("secret"));
    }

    @Test
    void withoutAConfiguredKeyEverythingIsRefusedUnlessAnonymousAccessIsAllowed() {
        ApiKeyCheck.Refusal refusal = new ApiKeyCheck(List.of(), false).check("anything").orElseThrow();
        assertEquals(503, refusal.status());
        assertTrue(refusal.error().contains("clicklake.ingest.api-keys"), refusal.error());
        assertTrue(new ApiKeyCheck(List.of(""), true).check(null).isEmpty());
    }
}
