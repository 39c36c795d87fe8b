package dev.clicklake.ingest.landing;

import java.util.Optional;

/**
 * What a file name must be to travel: the bronze-landed contract caps {@code sourceName} at 255 characters,
 * and the ledger (PostgreSQL text) cannot hold a NUL. Control characters have no place in a file name either.
 */
public final class FileNames {

    /** The bronze-landed contract's {@code sourceName} limit. */
    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** Why {@code name} cannot be a file name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters long, more than " + MAX_LENGTH);
        }
        return controlCharacter(name);
    }

    /**
     * Why a zip entry name cannot be taken: a control character, an absolute path or drive letter, a {@code ..}
     * segment (the name is never used as a path, but an archive that tries is not trusted), or a file name
     * (its last segment) that is too long.
     */
    public static Optional<String> entryProblem(String entryName) {
        if (entryName.isEmpty()) {
            return Optional.of("is empty");
        }
        Optional<String> control = controlCharacter(entryName);
        if (control.isPresent()) {
            return control;
        }
        String normal = entryName.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*")) {
            return Optional.of("is an absolute path");
        }
        for (String segment : normal.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("climbs out of the archive ('..')");
            }
        }
        return problem(normal.substring(normal.lastIndexOf('/') + 1)).map(p -> "has a file name that " + p);
    }

    private static Optional<String> controlCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("contains the control character U+%04X at position %d", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
