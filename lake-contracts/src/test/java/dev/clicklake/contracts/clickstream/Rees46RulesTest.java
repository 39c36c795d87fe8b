package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test-side REES46 rules accept the real sample files, so that judging generated files by them
 * means something. Runs only where the shared sample folder sits beside the repository.
 */
class Rees46RulesTest {

    private static final List<Path> SAMPLE_FOLDERS = List.of(
            Path.of("../../shared/data/rees46"), Path.of("../shared/data/rees46"));

    @Test
    void everyCompleteRowOfTheRealSamplesPassesAndTheCutOneDoesNot() throws IOException {
        Optional<Path> folder = SAMPLE_FOLDERS.stream().filter(Files::isDirectory).findFirst();
        assumeTrue(folder.isPresent(), "no REES46 sample folder beside the repository");
        try (Stream<Path> files = Files.list(folder.get())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("2019-")).toList()) {
                List<String> lines = List.of(Files.readString(file, StandardCharsets.US_ASCII).replace("\r\n", "\n").split("\n"));
                List<String> rows = lines.get(0).equals(ClickstreamColumns.HEADER) ? lines.subList(1, lines.size()) : lines;
                boolean cut = file.getFileName().toString().contains("cut");
                List<String> complete = cut ? rows.subList(0, rows.size() - 1) : rows;
                complete.forEach(Rees46Rules::parse);
                if (cut) {
                    assertEquals(Optional.of("field count"), Rees46Rules.brokenRule(rows.get(rows.size() - 1)));
                }
            }
        }
    }

    @Test
    void handMadeBreakagesAreCaught() {
        String row = "2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,"
                + "72d76fde-8bb3-4e00-8c23-a032dfed738c";
        assertEquals(Optional.empty(), Rees46Rules.brokenRule(row));
        assertEquals(Optional.of("event_time"), Rees46Rules.brokenRule(row.replace("00:00:00 UTC", "24:00:00 UTC")));
        assertEquals(Optional.of("category_code"), Rees46Rules.brokenRule(row.replace(",,shiseido", ",Electronics,shiseido")));
        assertEquals(Optional.of("user_session"), Rees46Rules.brokenRule(row.replace("a032dfed738c", "a032dfed738")));
    }
}
