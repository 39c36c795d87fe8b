package dev.clicklake.ingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a request to a mutating endpoint may go on, from the API key it presents. Keys are
 * compared in constant time and never appear in a refusal.
 */
public final class ApiKeyCheck {

    public static final String HEADER = "X-API-Key";

    /** Why a request was refused: the HTTP status and a message for the caller. */
    public record Refusal(int status, String error) {
    }

    private final List<byte[]> keys;
    private final boolean allowAnonymous;

    public ApiKeyCheck(List<String> keys, boolean allowAnonymous) {
        this.keys = keys.stream().map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
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
        byte[] given = presented.strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(key, given);
        }
        return known ? Optional.empty() : Optional.of(new Refusal(401, "the " + HEADER + " header names no valid key"));
    }
}
