package dev.clicklake.kpi.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of every 4xx answer. */
@Schema(description = "Why a request was refused")
public record ErrorBody(
        @Schema(example = "400") int status,
        @Schema(description = "The offending query parameter", example = "from") String parameter,
        @Schema(example = "from must be before to") String message) {
}
