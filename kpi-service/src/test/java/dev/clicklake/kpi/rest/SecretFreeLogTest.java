package dev.clicklake.kpi.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.kpi.support.CapturedLog;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that fails with a server fault is logged (so an operator can find it), but an API key sent as the
 * {@code api_key} query parameter never reaches the log, whatever fails: a handler, an {@link Error}.
 */
@QuarkusTest
class SecretFreeLogTest {

    @ParameterizedTest
    @ValueSource(strings = {"/test-failure/before", "/test-failure/error"})
    void aServerFaultIsLoggedWithoutTheApiKey(String path) throws Exception {
        try (CapturedLog log = CapturedLog.open()) {
            ValidatableResponse answer = RestAssured.given().queryParam("api_key", Reader.API_KEY)
                    .when().get(path)
                    .then();

            List<String> lines = awaitLineMentioning(log, path);
            assertTrue(lines.stream().noneMatch(line -> line.contains(Reader.API_KEY)),
                    () -> "the key was logged: " + lines);
            answer.statusCode(500)
                    .body("status", equalTo(500))
                    .body("message", containsString("error id"))
                    .body(not(containsString(Reader.API_KEY)));
        }
    }

    @org.junit.jupiter.api.Test
    void aStreamedAnswerThatFailsMidwayIsLoggedWithoutTheApiKey() throws Exception {
        try (CapturedLog log = CapturedLog.open()) {
            try {
                RestAssured.given().queryParam("api_key", Reader.API_KEY).when().get("/test-failure/streaming").asString();
            } catch (Exception e) {
                // the answer is cut short (RestAssured may throw a checked parse exception): that is the failure
            }
            List<String> lines = awaitLineMentioning(log, "database went away");
            assertTrue(lines.stream().noneMatch(line -> line.contains(Reader.API_KEY)),
                    () -> "the key was logged: " + lines);
        }
    }

    /** The lines logged once one mentions {@code path} (the failure was logged: the capture works). */
    static List<String> awaitLineMentioning(CapturedLog log, String path) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<String> lines = log.lines();
            if (lines.stream().anyMatch(line -> line.contains(path))) {
                Thread.sleep(200); // anything logged just after the answer
                return log.lines();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing logged mentions " + path + ": " + log.lines());
    }
}
