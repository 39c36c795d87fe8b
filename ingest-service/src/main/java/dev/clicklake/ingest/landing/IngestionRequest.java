package dev.clicklake.ingest.landing;

import dev.clicklake.ingest.ledger.SourceKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a caller asked to ingest. Built only through {@link #of}, which checks every field and says what
 * is wrong.
 *
 * @param sourceUri where the bytes come from, without credentials; null for uploads
 */
public record IngestionRequest(String dataset, SourceKind sourceKind, String sourceName, String sourceUri,
        Optional<List<String>> declaredColumns) {

    private static final Pattern DATASET = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public static IngestionRequest of(String dataset, SourceKind kind, String sourceName, String sourceUri,
            String declaredColumns) throws InvalidRequestException {
        if (dataset == null || !DATASET.matcher(dataset).matches()) {
            throw new InvalidRequestException("dataset", "must be 1-63 characters of a-z, 0-9, '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (sourceName == null || sourceName.isBlank()) {
            throw new InvalidRequestException("fileName", "is required");
        }
        Optional<String> badName = FileNames.problem(sourceName.strip());
        if (badName.isPresent()) {
            throw new InvalidRequestException("fileName", badName.get());
        }
        Optional<List<String>> columns = Optional.empty();
        if (declaredColumns != null && !declaredColumns.isBlank()) {
            List<String> names = List.of(declaredColumns.strip().split("\\s*,\\s*"));
            try {
                HeaderCheck.requireClickstreamColumns(names, "declared column order");
            } catch (RejectedSourceException e) {
                throw new InvalidRequestException("columns", e.getMessage());
            }
            columns = Optional.of(names);
        }
        return new IngestionRequest(dataset, kind, sourceName.strip(), sourceUri, columns);
    }

    /** The same request for the source as it turned out to be when opened (after redirects). */
    public IngestionRequest forSource(String fileName, String uri) {
        return new IngestionRequest(dataset, sourceKind, fileName, uri, declaredColumns);
    }

    /** The same request for one file found inside the source (a decompressed or unzipped file). */
    public IngestionRequest forFile(String fileName) {
        return new IngestionRequest(dataset, sourceKind, fileName.isBlank() ? sourceName : fileName, sourceUri,
                declaredColumns);
    }
}
