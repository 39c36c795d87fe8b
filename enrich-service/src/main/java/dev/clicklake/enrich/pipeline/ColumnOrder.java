package dev.clicklake.enrich.pipeline;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import java.util.List;

/** Where each of the nine clickstream columns sits in a file's rows, from the file's declared column order. */
public final class ColumnOrder {

    /** position in the file of each column, indexed like {@link ClickstreamColumns#NAMES} */
    private final int[] positions = new int[ClickstreamColumns.COUNT];

    /**
     * @param fileColumns the file's column names in file order
     * @throws IllegalArgumentException unless they are the nine clickstream columns, each once
     */
    public ColumnOrder(List<String> fileColumns) {
        if (fileColumns.size() != ClickstreamColumns.COUNT || !fileColumns.containsAll(ClickstreamColumns.NAMES)) {
            throw new IllegalArgumentException("not the nine clickstream columns: " + fileColumns);
        }
        for (int column = 0; column < positions.length; column++) {
            positions[column] = fileColumns.indexOf(ClickstreamColumns.NAMES.get(column));
        }
    }

    /** The value of {@code column} (an index of {@link ClickstreamColumns}) in a row's fields. */
    public String value(List<String> fields, int column) {
        return fields.get(positions[column]);
    }
}
