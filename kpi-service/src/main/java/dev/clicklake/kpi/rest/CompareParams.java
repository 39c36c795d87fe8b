package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.gold.ComparisonBasis;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameter of {@code /kpi/compare} beside the range's, as received; {@link #parse} checks it. */
public class CompareParams {

    @Parameter(description = "What [from, to) is compared with: the equal-length period just before it, or the same "
            + "days one calendar month earlier (month over month for a whole month)", example = "previous-month",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"previous-period", "previous-month"},
                    defaultValue = "previous-period"))
    @RestQuery
    String against;

    ComparisonBasis parse() {
        if (against == null) {
            return ComparisonBasis.PREVIOUS_PERIOD;
        }
        return ComparisonBasis.named(against).orElseThrow(() -> new InvalidParameterException("against",
                "against must be one of " + String.join(", ",
                        Arrays.stream(ComparisonBasis.values()).map(ComparisonBasis::parameter).toList())
                        + ", not '" + against + "'"));
    }
}
