package dev.clicklake.ingest.landing;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides from a file's first line how its columns are laid out. A header with the nine clickstream
 * columns in any order is accepted; a header-less file only when the caller declares the column order.
 */
public final class HeaderCheck {

    private static final char BOM = '\uFEFF';

    private HeaderCheck() {
    }

    /**
     * @param firstLine the first line, decoded, without its line ending
     * @param declared the column order the caller declared for a header-less file, if any
     */
    public static ColumnLayout resolve(String firstLine, Optional<List<String>> declared) throws RejectedSourceException {
        List<String> names = splitHeader(firstLine);
        boolean looksLikeHeader = names.stream().anyMatch(ClickstreamColumns.NAMES::contains);
        if (looksLikeHeader) {
            requireClickstreamColumns(names, "header");
            if (declared.isPresent() && !declared.get().equals(names)) {
                throw new RejectedSourceException("the file's header " + names
                        + " differs from the declared column order " + declared.get());
            }
            return new ColumnLayout(names, true);
        }
        if (declared.isPresent()) {
            requireClickstreamColumns(declared.get(), "declared column order");
            return new ColumnLayout(declared.get(), false);
        }
        throw new RejectedSourceException("the first line is not a clickstream header (expected the columns "
                + String.join(",", ClickstreamColumns.NAMES) + " in any order); for a file without a header, "
                + "declare its column order");
    }

    /** Checks a declared column order on its own, before any byte is read. */
    public static void requireClickstreamColumns(List<String> names, String what) throws RejectedSourceException {
        List<String> missing = new ArrayList<>(ClickstreamColumns.NAMES);
        missing.removeAll(names);
        List<String> unknown = new ArrayList<>(names);
        unknown.removeAll(ClickstreamColumns.NAMES);
        if (!missing.isEmpty() || !unknown.isEmpty() || new HashSet<>(names).size() != names.size()) {
            throw new RejectedSourceException("the " + what + " is not the clickstream schema: missing " + missing
                    + ", unknown " + unknown + (new HashSet<>(names).size() != names.size() ? ", repeated columns" : ""));
        }
    }

    private static List<String> splitHeader(String line) {
        String text = !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
        List<String> names = new ArrayList<>();
        for (String field : text.split(",", -1)) {
            String name = field.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
