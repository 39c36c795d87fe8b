package dev.clicklake.enrich.quarantine;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.QuarantineRecord;
import dev.clicklake.enrich.pipeline.CsvRecord;
import dev.clicklake.enrich.pipeline.RowResult;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the rejected rows of one split as JSON lines (one quarantine-record v1 per line, each checked
 * against its schema) to a local file, created on the first rejected row only.
 */
public final class QuarantineFileWriter implements Closeable {

    private final Path file;
    private final ContractCodec codec;
    private final QuarantineSource source;
    private Writer out;
    private long rows;

    public QuarantineFileWriter(Path file, ContractCodec codec, QuarantineSource source) {
        this.file = file;
        this.codec = codec;
        this.source = source;
    }

    public void write(CsvRecord record, RowResult.Rejected rejected) throws IOException {
        QuarantineRecord quarantined = new QuarantineRecord(source.ingestionId(), source.dataset(), source.bronzeFile(),
                record.line(), rejected.rule().id(), rejected.detail(), record.text(), source.service(), source.serviceVersion());
        if (out == null) {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        out.write(codec.encode(Contract.QUARANTINE_RECORD, quarantined));
        out.write('\n');
        rows++;
    }

    /** The file, once closed, when at least one row was rejected. */
    public Optional<Path> file() {
        return rows == 0 ? Optional.empty() : Optional.of(file);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
