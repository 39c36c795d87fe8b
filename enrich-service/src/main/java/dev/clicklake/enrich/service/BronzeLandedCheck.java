package dev.clicklake.enrich.service;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.Split;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code bronze-landed} may name, beyond its schema: only an object of its own dataset and ingestion in
 * the bronze layout ingest-service writes ({@code <dataset>/<ingest date>/<ingestionId>/<file name>} in the
 * bronze container, the file name of letters, digits, '.', '_' and '-', at most 200 characters), and a split
 * inside that object. Plain Java: the violations are returned as data, each naming the field and why.
 */
public final class BronzeLandedCheck {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final String bronzeContainer;

    public BronzeLandedCheck(String bronzeContainer) {
        this.bronzeContainer = bronzeContainer;
    }

    /** Every reason the message may not be acted on; empty when it may. */
    public List<String> violations(BronzeLanded landed) {
        List<String> violations = new ArrayList<>();
        LakeFile file = landed.file();
        if (!bronzeContainer.equals(file.container())) {
            violations.add("file.container is " + file.container() + ", not the bronze container " + bronzeContainer);
        }
        pathViolation(landed, file.path()).ifPresent(violations::add);
        Split split = landed.split();
        if (split.index() >= split.count()) {
            violations.add("split.index " + split.index() + " is not below split.count " + split.count());
        }
        if (split.offset() > file.bytes() || split.length() > file.bytes() - split.offset()) {
            violations.add("split.offset " + split.offset() + " + split.length " + split.length()
                    + " runs past the end of the file's " + file.bytes() + " bytes");
        }
        return violations;
    }

    private static Optional<String> pathViolation(BronzeLanded landed, String path) {
        String[] segments = path.split("/", -1);
        String expected = "must be " + landed.dataset() + "/<ingest date>/" + landed.ingestionId() + "/<file name>";
        if (segments.length != 4) {
            return Optional.of("file.path " + quoted(path) + " has " + segments.length + " segments; it " + expected);
        }
        if (!segments[0].equals(landed.dataset())) {
            return Optional.of("file.path " + quoted(path) + " is outside dataset " + landed.dataset() + "; it "
                    + expected);
        }
        try {
            LocalDate.parse(segments[1]);
        } catch (DateTimeParseException e) {
            return Optional.of("file.path " + quoted(path) + " has no ingest date; it " + expected);
        }
        if (!segments[2].equals(landed.ingestionId())) {
            return Optional.of("file.path " + quoted(path) + " belongs to another ingestion; it " + expected);
        }
        String name = segments[3];
        if (!FILE_NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            return Optional.of("file.path " + quoted(path) + " has a file name bronze never holds (letters,"
                    + " digits, '.', '_' and '-', at most 200, not only dots)");
        }
        return Optional.empty();
    }

    /** The path quoted, cut to 300 characters, so a hostile path cannot flood the logs and headers. */
    private static String quoted(String path) {
        return "'" + (path.length() > 300 ? path.substring(0, 300) + "..." : path) + "'";
    }
}
