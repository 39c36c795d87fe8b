package dev.clicklake.contracts.event;

/**
 * Payload of {@code bronze-landed} v1: one split of a raw file committed unchanged to bronze.
 * See {@code contracts/bronze-landed.v1.schema.json} for the meaning of each field.
 */
public record BronzeLanded(
        String ingestionId,
        String dataset,
        String sourceName,
        String sourceUri,
        LakeFile file,
        CsvFormat format,
        Split split,
        TimeRange timeRange) {
}
