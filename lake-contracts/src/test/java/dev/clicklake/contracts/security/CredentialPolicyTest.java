package dev.clicklake.contracts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.security.CredentialPolicy.Form;
import dev.clicklake.contracts.security.CredentialPolicy.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialPolicyTest {

    private static final String GOOD_KEY = "9f4c2e1a7b3d5f60a8c9e2d4";

    private static List<String> production(Setting... settings) {
        return CredentialPolicy.problems(List.of(settings), false, true);
    }

    private static Setting keys(String... values) {
        return new Setting("clicklake.kpi.auth.api-keys", Form.KEY, List.of(values));
    }

    private static Setting basic(String... values) {
        return new Setting("clicklake.kpi.auth.basic-credentials", Form.USER_PASSWORD, List.of(values));
    }

    @Test
    void theFormerlyTrackedDevelopmentCredentialsAreRefusedInEveryProfileButTest() {
        for (boolean production : new boolean[] {true, false}) {
            List<String> problems = CredentialPolicy.problems(
                    List.of(keys(GOOD_KEY), basic("powerbi:local-dev-password")), false, production);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("clicklake.kpi.auth.basic-credentials is a value this project has "
                    + "published"), problems.get(0));
        }
        assertEquals(1, production(keys(GOOD_KEY, "LOCAL-DEV-KEY ")).size(), "case and white space aside");
    }

    @Test
    void aPublishedPasswordUnderAnotherUserNameIsStillRefused() {
        List<String> problems = production(basic("someone:local-dev-password"));
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void aProblemNamesTheSettingAndThePositionButNeverTheValue() {
        String shortKey = "short-key";
        List<String> problems = production(keys(GOOD_KEY, shortKey));
        assertEquals(List.of("value 2 of clicklake.kpi.auth.api-keys is shorter than 16 characters"), problems);
        assertFalse(problems.get(0).contains(shortKey));
    }

    @Test
    void shortSecretsAreRefusedInProductionOnly() {
        assertEquals(1, production(basic("powerbi:0123456789abcde")).size(), "a 15-character password");
        assertEquals(List.of(), production(basic("powerbi:0123456789abcdef")), "a 16-character password");
        assertEquals(List.of(), CredentialPolicy.problems(List.of(keys("dev")), false, false));
    }

    @Test
    void aPairWithoutUserOrPasswordIsRefused() {
        assertEquals(List.of("clicklake.kpi.auth.basic-credentials is not user:password"), production(basic(GOOD_KEY)));
        assertEquals(1, production(basic(":" + GOOD_KEY)).size());
        assertEquals(1, production(basic("powerbi:")).size());
    }

    @Test
    void noCredentialAtAllStopsProductionUnlessAnonymousAccessIsAskedFor() {
        List<String> problems = production(keys(), basic(" "));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("no credential is configured (clicklake.kpi.auth.api-keys, "
                + "clicklake.kpi.auth.basic-credentials)"), problems.get(0));
        assertEquals(List.of(), CredentialPolicy.problems(List.of(keys()), true, true));
        assertEquals(List.of(), CredentialPolicy.problems(List.of(keys()), false, false), "dev: 503 at request time");
    }

    @Test
    void goodKeysPass() {
        assertEquals(List.of(), production(keys(GOOD_KEY, " " + GOOD_KEY + "0 "), basic("powerbi:" + GOOD_KEY)));
    }
}
