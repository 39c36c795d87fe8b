package dev.clicklake.contracts.event;

import java.util.List;

/**
 * How a bronze file's lines are laid out.
 *
 * @param dataSchemaVersion the clickstream CSV format version, {@value #REES46_CSV_V1}
 * @param columns the nine clickstream column names in the order they appear in the file
 * @param header whether the first line of the file is a header line
 */
public record CsvFormat(String dataSchemaVersion, List<String> columns, boolean header) {

    public static final String REES46_CSV_V1 = "rees46-csv/1";

    public CsvFormat {
        columns = List.copyOf(columns);
    }
}
