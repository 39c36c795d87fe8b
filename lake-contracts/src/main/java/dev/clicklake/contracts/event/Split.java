package dev.clicklake.contracts.event;

/**
 * A byte range of a bronze file aligned to line boundaries, the unit of parallel work and of commit.
 *
 * @param index 0-based position among the file's splits
 * @param count how many splits the file has
 * @param offset first byte of the split
 * @param length bytes in the split
 * @param firstLine 1-based line number, in the file, of the split's first line
 * @param rows lines in the split
 */
public record Split(int index, int count, long offset, long length, long firstLine, long rows) {

    public SplitRef ref() {
        return new SplitRef(index, count);
    }
}
