package dev.clicklake.contracts.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;

/**
 * A set of configured secrets (API keys, {@code user:password} pairs) that answers "is this one of them?" in
 * time that does not depend on which secret, or how much of one, matched. The secrets are never exposed.
 */
public final class SecretSet {

    private final List<byte[]> secrets;

    /** Blank entries are ignored; surrounding white space is not part of a secret. */
    public SecretSet(Collection<String> secrets) {
        this.secrets = secrets.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** True when no secret is configured: nothing can match. */
    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** Whether {@code presented} (stripped) is one of the secrets; null or blank never is. */
    public boolean contains(String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] given = presented.strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] secret : secrets) {
            known |= MessageDigest.isEqual(secret, given);
        }
        return known;
    }
}
