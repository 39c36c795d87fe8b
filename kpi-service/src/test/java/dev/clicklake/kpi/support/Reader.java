package dev.clicklake.kpi.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * A request from an authenticated reader of gold: the test profile's API key in the {@code X-API-Key} header.
 * Every test that reads an endpoint other than {@code /q/*} starts its request here.
 */
public final class Reader {

    /** The reader key the test profile configures ({@code %test.clicklake.kpi.auth.api-keys}). */
    public static final String API_KEY = "test-reader-key";

    private Reader() {
    }

    /** {@code RestAssured.given()} with the reader's key. */
    public static RequestSpecification given() {
        return RestAssured.given().header("X-API-Key", API_KEY);
    }
}
