package dev.clicklake.ingest.landing;

import java.util.List;

/**
 * How a file's lines are laid out: the nine clickstream columns in file order, and whether the first
 * line is a header.
 */
public record ColumnLayout(List<String> columns, boolean header) {

    public ColumnLayout {
        columns = List.copyOf(columns);
    }
}
