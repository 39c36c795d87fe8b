package dev.clicklake.kpi.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.BreakdownFigures;
import dev.clicklake.kpi.support.FunnelFigures;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.Served;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SummaryFigures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Gold from the real REES46 samples in ../shared/data/rees46 (skipped, saying so, when they are not there, as in a
 * user's clone): the head of October 2019 (CRLF, its cut last line dropped) and of November 2019 (no header) are
 * landed as silver, through the real flow, and every card, the funnel, the months and the breakdowns served equal
 * a plain-Java computation over the same rows.
 */
@QuarkusTest
class RealSamplesGoldTest {

    private static final Path SAMPLES = Path.of(System.getProperty("clicklake.rees46.dir", "../../shared/data/rees46"));
    private static final DateTimeFormatter REES46_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);
    private static final LocalDate DEC_1 = LocalDate.of(2019, 12, 1);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void goldOfTheRealSamplesEqualsAPlainComputationOverTheirRows() throws Exception {
        Path october = SAMPLES.resolve("2019-Oct-head-17434-crlf-cut.csv");
        Path november = SAMPLES.resolve("2019-Nov-head-683-noheader.csv");
        assumeTrue(Files.isRegularFile(october) && Files.isRegularFile(november),
                "REES46 samples not in " + SAMPLES.toAbsolutePath() + "; skipped");
        List<SilverRow> octoberRows = read(october, true);
        List<SilverRow> novemberRows = read(november, false);
        assertEquals(17_434, octoberRows.size() + duplicatesIn(october, true), "the complete October rows");

        String dataset = "rees46-" + UUID.randomUUID().toString().substring(0, 8);
        List<SilverRow> all = new ArrayList<>(octoberRows);
        all.addAll(novemberRows);
        new GoldFlow(lake, topicPrefix, codec).buildSplits(dataset, List.of(octoberRows, novemberRows));

        for (LocalDate[] range : List.of(new LocalDate[] {OCT_1, OCT_1.plusDays(1)}, new LocalDate[] {OCT_1, NOV_1},
                new LocalDate[] {NOV_1, DEC_1}, new LocalDate[] {OCT_1, DEC_1})) {
            SummaryFigures expected = SummaryFigures.expected(dataset, range[0], range[1], all);
            assertEquals(expected, Served.summary(dataset, range[0], range[1]), () -> "summary " + range[0] + " .. " + range[1]);
            assertEquals(FunnelFigures.expected(dataset, range[0], range[1], all), Served.funnel(dataset, range[0], range[1]));
        }
        assertTrue(SummaryFigures.expected(dataset, OCT_1, DEC_1, all).purchases() > 0, "the samples hold purchases");
        assertEquals(List.of(SummaryFigures.expected(dataset, OCT_1, NOV_1, all),
                SummaryFigures.expected(dataset, NOV_1, DEC_1, all)), Served.monthly(dataset, OCT_1, DEC_1));
        for (String dimension : List.of("brand", "main_category", "hour")) {
            assertEquals(BreakdownFigures.expected(OCT_1, DEC_1, all, dimension, 5, "revenue"),
                    Served.breakdown(dataset, OCT_1, DEC_1, dimension, 5, "revenue"), dimension);
        }
    }

    /** The file's complete, distinct rows, cleaned as silver does (brand and category trimmed, empty = unknown). */
    private static List<SilverRow> read(Path file, boolean header) throws Exception {
        Set<SilverRow> distinct = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (header) {
                in.readLine();
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.strip().split(",", -1);
                if (fields.length != 9) {
                    continue; // the cut last line: silver quarantines it
                }
                distinct.add(new SilverRow(LocalDateTime.parse(fields[0], REES46_TIME).toInstant(ZoneOffset.UTC),
                        fields[1].strip().toLowerCase(Locale.ROOT), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                        orUnknown(fields[4].strip()), orUnknown(fields[5].strip().toLowerCase(Locale.ROOT)),
                        new BigDecimal(fields[6]).setScale(2), Long.parseLong(fields[7]),
                        fields[8].isBlank() ? null : fields[8].strip()));
            }
        }
        return List.copyOf(distinct);
    }

    private static long duplicatesIn(Path file, boolean header) throws Exception {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> complete = lines.skip(header ? 1 : 0).map(String::strip)
                    .filter(line -> line.split(",", -1).length == 9).toList();
            return complete.size() - new LinkedHashSet<>(complete).size();
        }
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : value;
    }
}
