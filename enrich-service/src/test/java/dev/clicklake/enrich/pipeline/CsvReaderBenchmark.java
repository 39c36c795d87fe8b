package dev.clicklake.enrich.pipeline;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link CsvRecordReader} against FastCSV's reader over the same generated bronze CSV held in memory (so the
 * disk is left out). One op = reading every record of the file and touching every field. Not a test: run by
 * {@code enrich-service/bench/libraries-benchmark.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReaderBenchmark {

    private static final int ROWS = 200_000;
    private static final int MAX_RECORD_CHARS = 64 * 1024;

    private String csv;

    @Setup
    public void generateFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().rows(ROWS).days(3).seed(7).build()).generate(out);
        csv = out.toString(StandardCharsets.UTF_8);
    }

    @Benchmark
    public long handWritten() throws IOException {
        long chars = 0;
        CsvRecordReader reader = new CsvRecordReader(new StringReader(csv), 1, MAX_RECORD_CHARS);
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            for (String field : record.fields()) {
                chars += field.length();
            }
        }
        return chars;
    }

    @Benchmark
    public long fastCsv() throws IOException {
        long chars = 0;
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader = CsvReader.builder().allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(new StringReader(csv))) {
            for (de.siegmar.fastcsv.reader.CsvRecord record : reader) {
                for (String field : record.getFields()) {
                    chars += field.length();
                }
            }
        }
        return chars;
    }
}
