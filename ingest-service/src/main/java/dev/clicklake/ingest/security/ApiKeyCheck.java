package dev.clicklake.ingest.security;

import dev.clicklake.contracts.security.SecretSet;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a request may go on, from the API key it presents. Keys are
 * compared in constant time and never appear in a refusal.
 */
public final class ApiKeyCheck {

    public static final String HEADER = "X-API-Key";

    /** Why a request was refused: the HTTP status and a message for the caller. */
    public record Refusal(int status, String error) {
    }

    private final SecretSet keys;
    private final boolean allowAnonymous;

    public ApiKeyCheck(List<String> keys, boolean allowAnonymous) {
        this.keys = new SecretSet(keys);
        this.allowAnonymous = allowAnonymous;
    }

    /** Empty when the request may go on. */
    public Optional<Refusal> check(String presented) {
        if (keys.isEmpty()) {
            return allowAnonymous ? Optional.empty() : Optional.of(new Refusal(503, "no API key is configured "
                    + "(clicklake.ingest.api-keys), so ingestions cannot be started; set one, or "
                    + "clicklake.ingest.allow-anonymous=true for a local experiment"));
        }
        if (presented == null || presented.isBlank()) {
            return Optional.of(new Refusal(401, "the " + HEADER + " header is required"));
        }
        return keys.contains(presented) ? Optional.empty() : Optional.of(new Refusal(401, "the " + HEADER + " header names no valid key"));
    }
}
