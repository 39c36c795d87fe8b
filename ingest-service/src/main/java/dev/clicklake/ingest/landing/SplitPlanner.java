package dev.clicklake.ingest.landing;

import dev.clicklake.contracts.event.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the data region of a file into splits while its bytes stream past: a split closes at the first
 * line end after it reaches the target size (Hadoop's TextInputFormat rule), so every line belongs to
 * exactly one split, and each split knows its first line number. Memory: a few longs per split.
 */
public final class SplitPlanner {

    private record Boundary(long offset, long length, long firstLine, long rows) {
    }

    private final long targetSize;
    private final List<Boundary> closed = new ArrayList<>();
    private long position;
    private long splitStart;
    private long splitFirstLine;
    private long splitRows;
    private long rows;
    private boolean midLine;

    /**
     * @param targetSize a split closes at the first line end after it has this many bytes
     * @param dataStart offset of the first data byte (after the header line, if any)
     * @param firstLine 1-based line number of the first data line
     */
    public SplitPlanner(long targetSize, long dataStart, long firstLine) {
        if (targetSize < 1) {
            throw new IllegalArgumentException("split target size must be positive");
        }
        this.targetSize = targetSize;
        this.position = dataStart;
        this.splitStart = dataStart;
        this.splitFirstLine = firstLine;
    }

    /** Feeds the next bytes of the data region. */
    public void accept(byte[] buffer, int offset, int length) {
        int end = offset + length;
        long base = position - offset; // file offset of buffer[i] is base + i
        for (int i = LineEnds.next(buffer, offset, end); i >= 0; i = LineEnds.next(buffer, i + 1, end)) {
            splitRows++;
            rows++;
            long lineEnd = base + i + 1;
            if (lineEnd - splitStart >= targetSize) {
                closed.add(new Boundary(splitStart, lineEnd - splitStart, splitFirstLine, splitRows));
                splitStart = lineEnd;
                splitFirstLine += splitRows;
                splitRows = 0;
            }
        }
        if (length > 0) {
            midLine = buffer[end - 1] != '\n';
        }
        position += length;
    }

    /** Data lines seen so far, counting a last line without a line end once finished. */
    public long rows() {
        return rows;
    }

    /** Closes the last split (a last line without a line end counts as a line) and numbers them all. */
    public List<Split> finish() {
        if (midLine) {
            splitRows++;
            rows++;
            midLine = false;
        }
        if (position > splitStart) {
            closed.add(new Boundary(splitStart, position - splitStart, splitFirstLine, splitRows));
            splitStart = position;
        }
        List<Split> splits = new ArrayList<>(closed.size());
        for (int i = 0; i < closed.size(); i++) {
            Boundary b = closed.get(i);
            splits.add(new Split(i, closed.size(), b.offset(), b.length(), b.firstLine(), b.rows()));
        }
        return splits;
    }
}
