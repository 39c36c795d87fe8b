package dev.clicklake.kpi.auth;

import dev.clicklake.contracts.security.SecretSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a request may read gold, from the credentials it presents: an API key (header or query
 * parameter, as Power BI's "Web API" credential sends it) or HTTP Basic. Pure logic; secrets are compared in
 * constant time and never appear in a refusal.
 */
public final class ReaderAccess {

    /** The header that carries an API key. */
    public static final String KEY_HEADER = "X-API-Key";

    /** What a request presented; each part null when absent. */
    public record Presented(String headerKey, String queryKey, String authorization) {
    }

    /** The outcome: allowed, or refused with a status and a message for the caller. */
    public sealed interface Decision {
    }

    /** The request may go on; {@code how} says which credential let it in (for metrics, never the secret). */
    public record Allowed(String how) implements Decision {
    }

    /** The request is refused. */
    public record Refused(int status, String message) implements Decision {
    }

    private final SecretSet keys;
    private final SecretSet basicCredentials;
    private final boolean allowAnonymous;
    private final String keyParameter;

    /**
     * @param keys API keys
     * @param basicCredentials {@code user:password} pairs accepted over HTTP Basic
     * @param allowAnonymous let a request without any credential in
     * @param keyParameter the name of the query parameter that may carry an API key
     */
    public ReaderAccess(List<String> keys, List<String> basicCredentials, boolean allowAnonymous, String keyParameter) {
        this.keys = new SecretSet(keys);
        this.basicCredentials = new SecretSet(basicCredentials);
        this.allowAnonymous = allowAnonymous;
        this.keyParameter = keyParameter;
    }

    /** The query parameter that may carry an API key. */
    public String keyParameter() {
        return keyParameter;
    }

    public Decision decide(Presented presented) {
        boolean hasHeaderKey = present(presented.headerKey());
        boolean hasQueryKey = present(presented.queryKey());
        boolean hasAuthorization = present(presented.authorization());
        if (!hasHeaderKey && !hasQueryKey && !hasAuthorization) {
            if (allowAnonymous) {
                return new Allowed("anonymous");
            }
            if (keys.isEmpty() && basicCredentials.isEmpty()) {
                return new Refused(503, "no reader credential is configured (clicklake.kpi.auth.api-keys or "
                        + "clicklake.kpi.auth.basic-credentials), so gold cannot be read; set one, or "
                        + "clicklake.kpi.auth.allow-anonymous=true for a local experiment");
            }
            return new Refused(401, "credentials are required: an API key in the " + KEY_HEADER + " header or the "
                    + keyParameter + " query parameter, or HTTP Basic");
        }
        if (hasHeaderKey) {
            return keys.contains(presented.headerKey()) ? new Allowed("api-key")
                    : new Refused(401, "the " + KEY_HEADER + " header names no valid key");
        }
        if (hasQueryKey) {
            return keys.contains(presented.queryKey()) ? new Allowed("api-key")
                    : new Refused(401, "the " + keyParameter + " query parameter names no valid key");
        }
        return basic(presented.authorization());
    }

    private Decision basic(String authorization) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("basic")) {
            return new Refused(401, "the Authorization scheme must be Basic");
        }
        String userPassword;
        try {
            userPassword = new String(Base64.getDecoder().decode(value.substring(space + 1).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return new Refused(401, "the Basic credentials are not valid base64");
        }
        if (userPassword.indexOf(':') < 0) {
            return new Refused(401, "the Basic credentials must be user:password");
        }
        return basicCredentials.contains(userPassword) ? new Allowed("basic")
                : new Refused(401, "the Basic user name or password is wrong");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
