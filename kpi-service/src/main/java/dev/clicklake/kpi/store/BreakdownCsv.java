package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.Dimension;
import dev.clicklake.kpi.gold.MemberFigures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * One day's members of one dimension as the two CSV files that {@link BreakdownRepository#copy} hands to PostgreSQL's
 * COPY: the member's figures ({@code daily_<dim>_kpi}) and its id sets as hex bytea ({@code breakdown_id_sets}).
 * Written to local files as the members stream by, so memory holds one member whatever the day's number of members.
 */
public final class BreakdownCsv implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    /** The written files of one day and dimension. */
    public record Written(String dataset, LocalDate date, Dimension dimension, Path figures, Path sets) {
    }

    private final Written files;
    private final BufferedWriter figures;
    private final BufferedWriter sets;
    private final String prefix;
    private final String setsPrefix;

    /** Writes to {@code folder}/{@code <dimension>-figures.csv} and {@code -sets.csv}. */
    public BreakdownCsv(String dataset, LocalDate date, Dimension dimension, Path folder) throws IOException {
        this.files = new Written(dataset, date, dimension, folder.resolve(dimension.parameter() + "-figures.csv"),
                folder.resolve(dimension.parameter() + "-sets.csv"));
        this.figures = Files.newBufferedWriter(files.figures(), StandardCharsets.UTF_8);
        this.sets = Files.newBufferedWriter(files.sets(), StandardCharsets.UTF_8);
        this.prefix = field(dataset) + "," + date + ",";
        this.setsPrefix = prefix + field(dimension.parameter()) + ",";
    }

    public void add(MemberFigures member) {
        try {
            String name = field(member.member());
            figures.append(prefix).append(name).append(',').append(Long.toString(member.events())).append(',')
                    .append(Long.toString(member.views())).append(',').append(Long.toString(member.carts())).append(',')
                    .append(Long.toString(member.removes())).append(',').append(Long.toString(member.purchases()))
                    .append(',').append(member.revenue().toPlainString()).append(',')
                    .append(Long.toString(member.users().getLongCardinality())).append(',')
                    .append(Long.toString(member.sessions().getLongCardinality())).append(',')
                    .append(Long.toString(member.buyers().getLongCardinality())).append(',')
                    .append(Long.toString(member.cartingSessions().getLongCardinality())).append(',')
                    .append(Long.toString(member.purchasingSessions().getLongCardinality())).append('\n');
            sets.append(setsPrefix).append(name);
            for (Roaring64NavigableMap ids : List.of(member.users(), member.sessions(), member.buyers(),
                    member.cartingSessions(), member.purchasingSessions())) {
                sets.append(",\\x").append(HEX.formatHex(BitmapCodec.toBytes(ids)));
            }
            sets.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the breakdown CSV of " + files.date(), e);
        }
    }

    /** The files, whole once this is closed. */
    public Written written() {
        return files;
    }

    @Override
    public void close() throws IOException {
        try (figures; sets) {
            // closing flushes both
        }
    }

    /** A CSV field, quoted: COPY reads it back as it is, whatever commas, quotes or line ends it holds. */
    private static String field(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
