package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Header, line endings, final newline and the cut last line, as in the three real sample files. */
class ClickstreamLayoutTest {

    private static ClickstreamOptions.Builder small() {
        return ClickstreamOptions.builder().seed(5).rows(2_000).catalogSize(5_000);
    }

    @Test
    void byDefaultAHeaderLfLineEndsAndAFinalNewline() {
        GeneratedFile file = GeneratedFile.of(small());
        String text = file.text();
        assertTrue(text.startsWith(ClickstreamColumns.HEADER + "\n"));
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("\n"));
        assertEquals(2_001, file.lines().size());
    }

    @Test
    void withoutAHeaderTheFileStartsWithARow() {
        GeneratedFile file = GeneratedFile.of(small().header(false));
        assertEquals(2_000, file.lines().size());
        file.lines().forEach(Rees46Rules::parse);
    }

    @Test
    void crlfEndsEveryLineWithCarriageReturnAndLineFeed() {
        String text = GeneratedFile.of(small().lineEnding(LineEnding.CRLF)).text();
        assertEquals(2_001, text.split("\r\n", -1).length - 1);
        assertEquals(2_001, text.chars().filter(c -> c == '\n').count());
        assertTrue(text.endsWith("\r\n"));
    }

    @Test
    void withoutAFinalNewlineTheLastRowIsCompleteButUnterminated() {
        GeneratedFile file = GeneratedFile.of(small().header(false).finalNewline(false));
        assertFalse(file.text().endsWith("\n"));
        List<String> lines = file.lines();
        assertEquals(2_000, lines.size());
        Rees46Rules.parse(lines.get(lines.size() - 1));
    }

    @Test
    void theCutLastLineFollowsTheRowsCutInsideAFieldWithoutALineEnding() {
        ClickstreamOptions.Builder options = small().lineEnding(LineEnding.CRLF);
        GeneratedFile whole = GeneratedFile.of(options.cutLastLine(false));
        GeneratedFile cut = GeneratedFile.of(options.cutLastLine(true));

        assertFalse(cut.text().endsWith("\n"));
        assertFalse(cut.text().endsWith("\r"));
        assertTrue(cut.text().startsWith(whole.text()));
        List<String> lines = cut.dataLines();
        assertEquals(2_001, lines.size());
        assertEquals(2_000, cut.summary().rows());
        assertTrue(cut.summary().cutLastLine());

        String partial = lines.get(2_000);
        String lastRow = lines.get(1_999);
        assertTrue(partial.split(",", -1).length < ClickstreamColumns.COUNT, partial);
        assertFalse(partial.isEmpty() || partial.endsWith(","), "cut inside a field, not after a comma: " + partial);
        assertTrue(Rees46Rules.brokenRule(partial).isPresent());
        String timePrefix = partial.substring(0, Math.min(partial.length(), 23));
        assertTrue(timePrefix.compareTo(lastRow.substring(0, timePrefix.length())) >= 0, partial);
    }
}
