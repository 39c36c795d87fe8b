package dev.clicklake.contracts.lineage;

import java.util.List;
import java.util.Objects;

/**
 * A dataset as a run event names it: namespace and name (see {@link LineageNames}), and what the stage knows of
 * it: its columns, and the rows and bytes the run read or wrote.
 *
 * @param schema the columns, empty when the stage does not know them
 * @param rows rows read or written by the run, or null when not known (yet)
 * @param bytes bytes read or written by the run, or null
 * @param version the dataset's version after the run (e.g. a snapshot number), or null
 */
public record LineageDataset(String namespace, String name, List<LineageField> schema, Long rows, Long bytes,
        String version) {

    public LineageDataset {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        schema = List.copyOf(schema);
    }

    public static LineageDataset of(String namespace, String name) {
        return new LineageDataset(namespace, name, List.of(), null, null, null);
    }

    public LineageDataset withSchema(List<LineageField> columns) {
        return new LineageDataset(namespace, name, columns, rows, bytes, version);
    }

    public LineageDataset withStatistics(Long rowCount, Long byteCount) {
        return new LineageDataset(namespace, name, schema, rowCount, byteCount, version);
    }

    public LineageDataset withVersion(String datasetVersion) {
        return new LineageDataset(namespace, name, schema, rows, bytes, datasetVersion);
    }

    /** A column of a dataset's schema facet. */
    public record LineageField(String name, String type) {

        /** The fields named {@code names}, all of type {@code type}. */
        public static List<LineageField> all(List<String> names, String type) {
            return names.stream().map(name -> new LineageField(name, type)).toList();
        }
    }
}
