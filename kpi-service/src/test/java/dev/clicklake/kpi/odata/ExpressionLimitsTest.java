package dev.clicklake.kpi.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionLimitsTest {

    private static final ExpressionLimits LIMITS = new ExpressionLimits(60, 3);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "events gt 1                          | 0",
            "(events gt 1)                        | 1",
            "((a) and (b)) or (c)                 | 2",
            "dataset eq '((((('                   | 0",
            "dataset eq 'it''s ((' and (x)        | 1",
            "unbalanced ) ) (                     | 1"})
    void depthCountsParenthesesOutsideStringLiterals(String expression, int depth) {
        assertEquals(depth, ExpressionLimits.depth(expression));
    }

    @Test
    void anOptionWithinTheLimitsPasses() {
        assertEquals(Optional.empty(), LIMITS.refusal("$filter=(((events%20gt%201)))&$top=5"));
        assertEquals(Optional.empty(), LIMITS.refusal(null));
    }

    @Test
    void aTooDeepOptionIsRefusedByName() {
        Optional<String> refusal = LIMITS.refusal("$top=5&$filter=" + "(".repeat(4) + "true" + ")".repeat(4));
        assertEquals(Optional.of("$filter nests parentheses 4 deep; at most 3 are read"), refusal);
    }

    @Test
    void aTooLongOptionIsRefusedByItsDecodedLength() {
        assertEquals(Optional.of("$orderby holds 61 characters; at most 60 are read"),
                LIMITS.refusal("$orderby=" + "a".repeat(61)));
        assertEquals(Optional.empty(), LIMITS.refusal("$orderby=" + "%20".repeat(60)));
    }

    @Test
    void badPercentEncodingIsRefused() {
        assertTrue(LIMITS.refusal("$filter=%zz").orElseThrow().contains("percent-encoding"));
    }
}
