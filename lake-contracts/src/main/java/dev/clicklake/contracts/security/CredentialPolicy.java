package dev.clicklake.contracts.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the credentials a service is configured with must be before it takes a request: the rules a service
 * checks at start-up, outside the test profile, and refuses to start on. Pure logic; a problem names the setting
 * and the position of the value, never the value.
 *
 * <ul>
 *   <li>no value is one this project has ever published (in a README, an example, a test profile or a formerly
 *       tracked {@code .env}): anyone can read those, so they are refused in every profile but {@code test};
 *   <li>in production every value has at least {@link #MIN_LENGTH} characters (for {@code user:password}, the
 *       password does);
 *   <li>in production a service with no credential at all refuses to start, unless anonymous access was asked
 *       for in so many words.
 * </ul>
 */
public final class CredentialPolicy {

    /** Fewest characters of a secret (a key, or the password of a {@code user:password} pair) in production. */
    public static final int MIN_LENGTH = 16;

    /**
     * Every credential this project has published, lower case: the values its docs, examples, test profiles and
     * formerly tracked development files show. A documented example value is added here in the same change.
     */
    static final Set<String> PUBLISHED = Set.of(
            "local-dev-key", "local-dev-reader-key", "local-dev-password", "powerbi:local-dev-password",
            "test-api-key", "test-reader-key", "test-reader-password", "powerbi:test-reader-password",
            "bench-reader-key", "changeme", "change-me", "password", "secret", "admin", "clicklake");

    /** How a setting's values are written. */
    public enum Form {
        /** A key compared as a whole. */
        KEY,
        /** {@code user:password}, of which the password is the secret. */
        USER_PASSWORD
    }

    /** One configured setting: its name as the operator writes it, and its values (comma-separated list items). */
    public record Setting(String name, Form form, List<String> values) {
        public Setting {
            values = values == null ? List.of() : List.copyOf(values);
        }

        boolean isEmpty() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    private CredentialPolicy() {
    }

    /**
     * Why a service configured with {@code settings} must not start; empty when it may.
     *
     * @param allowAnonymous the operator asked for requests without a credential to be let in
     * @param production the service runs outside the {@code dev} profile
     */
    public static List<String> problems(List<Setting> settings, boolean allowAnonymous, boolean production) {
        List<String> problems = new ArrayList<>();
        for (Setting setting : settings) {
            for (int i = 0; i < setting.values().size(); i++) {
                String value = setting.values().get(i).strip();
                if (value.isEmpty()) {
                    continue;
                }
                int index = i;
                problemOf(setting.form(), value, production).ifPresent(why ->
                        problems.add(position(setting.name(), setting.values().size(), index) + " " + why));
            }
        }
        if (production && !allowAnonymous && settings.stream().allMatch(Setting::isEmpty)) {
            problems.add("no credential is configured (" + String.join(", ", settings.stream().map(Setting::name).toList())
                    + "): set one from the environment or a mounted secret (at least " + MIN_LENGTH
                    + " random characters, e.g. `openssl rand -hex 24`), or allow anonymous access explicitly");
        }
        return List.copyOf(problems);
    }

    private static Optional<String> problemOf(Form form, String value, boolean production) {
        String secret = value;
        if (form == Form.USER_PASSWORD) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                return Optional.of("is not user:password");
            }
            secret = value.substring(colon + 1);
        }
        if (isPublished(value) || isPublished(secret)) {
            return Optional.of("is a value this project has published (docs, examples or test settings), "
                    + "known to anyone: choose a random one");
        }
        if (production && secret.length() < MIN_LENGTH) {
            return Optional.of("is shorter than " + MIN_LENGTH + " characters"
                    + (form == Form.USER_PASSWORD ? " (the password)" : ""));
        }
        return Optional.empty();
    }

    /** Whether {@code value} is, case aside, one of the credentials this project has published. */
    public static boolean isPublished(String value) {
        return value != null && PUBLISHED.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static String position(String name, int count, int index) {
        return count == 1 ? name : "value " + (index + 1) + " of " + name;
    }
}
