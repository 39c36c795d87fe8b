package dev.clicklake.ingest.landing;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Passes a source's bytes through unchanged while checking them at the door and measuring them:
 * SHA-256, size, header, text check, line count and split boundaries, all in one streaming pass with
 * bounded memory. A file that is not clickstream data makes {@link #read} throw a
 * {@link RejectedSourceException}, at the latest when the end is reached, so that a lake write fed by
 * this stream is abandoned before anything becomes visible.
 */
public final class LandingScanner extends FilterInputStream {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final long TEXT_CHECK_BYTES = 1024 * 1024;

    private final MessageDigest digest;
    private final TextCheck textCheck = new TextCheck(TEXT_CHECK_BYTES);
    private final Optional<List<String>> declaredColumns;
    private final long splitTargetSize;
    private final long maxBytes;
    private final ByteArrayOutputStream firstLine = new ByteArrayOutputStream();
    private volatile long bytes;
    private ColumnLayout layout;
    private SplitPlanner planner;
    private LandingResult result;
    private RejectedSourceException rejection;

    /** @param maxBytes a source longer than this is rejected as soon as it goes past it */
    public LandingScanner(InputStream source, Optional<List<String>> declaredColumns, long splitTargetSize,
            long maxBytes) {
        super(source);
        this.declaredColumns = declaredColumns;
        this.splitTargetSize = splitTargetSize;
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (rejection != null) {
            throw rejection;
        }
        int n = super.read(buffer, offset, length);
        try {
            if (n < 0) {
                finish();
            } else if (n > 0) {
                scan(buffer, offset, n);
            }
        } catch (RejectedSourceException e) {
            rejection = e;
            throw e;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a landing stream cannot skip bytes: every byte must be checked");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes received so far, for progress reports; safe to read from another thread. */
    public long bytesReceived() {
        return bytes;
    }

    /** Why the source was refused, if it was. */
    public Optional<RejectedSourceException> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The measurements, available once the stream has been read to its end without a rejection. */
    public LandingResult result() {
        if (result == null) {
            throw new IllegalStateException("the source has not been read to its end");
        }
        return result;
    }

    /** The reason a source larger than {@code maxBytes} is rejected. */
    public static String tooLarge(long maxBytes) {
        return "the file is larger than " + maxBytes + " bytes (clicklake.ingest.max-bytes)";
    }

    private void scan(byte[] buffer, int offset, int length) throws RejectedSourceException {
        if (bytes + length > maxBytes) {
            throw new RejectedSourceException(tooLarge(maxBytes));
        }
        digest.update(buffer, offset, length);
        textCheck.accept(buffer, offset, length);
        long start = bytes;
        bytes += length;
        if (planner != null) {
            planner.accept(buffer, offset, length);
            return;
        }
        int newline = indexOf(buffer, offset, length, (byte) '\n');
        int lineBytes = (newline < 0 ? offset + length : newline) - offset;
        if (firstLine.size() + lineBytes > MAX_HEADER_BYTES) {
            throw new RejectedSourceException("the first line is longer than " + MAX_HEADER_BYTES
                    + " bytes: this is not a clickstream CSV file");
        }
        firstLine.write(buffer, offset, lineBytes);
        if (newline >= 0) {
            long firstLineEnd = start + lineBytes + 1;
            startData(firstLineEnd);
            int rest = offset + length - (newline + 1);
            if (layout.header()) {
                planner.accept(buffer, newline + 1, rest);
            } else {
                byte[] head = firstLine.toByteArray();
                planner.accept(head, 0, head.length);
                planner.accept(buffer, newline, rest + 1);
            }
        }
    }

    private void startData(long firstLineEnd) throws RejectedSourceException {
        layout = HeaderCheck.resolve(decodeFirstLine(), declaredColumns);
        planner = layout.header()
                ? new SplitPlanner(splitTargetSize, firstLineEnd, 2)
                : new SplitPlanner(splitTargetSize, 0, 1);
    }

    private void finish() throws RejectedSourceException {
        if (result != null) {
            return;
        }
        if (bytes == 0) {
            throw new RejectedSourceException("the file is empty");
        }
        if (planner == null) {
            // one line and no line end: a lone header, or a single data row of a header-less file
            layout = HeaderCheck.resolve(decodeFirstLine(), declaredColumns);
            planner = new SplitPlanner(splitTargetSize, 0, 1);
            if (!layout.header()) {
                byte[] only = firstLine.toByteArray();
                planner.accept(only, 0, only.length);
            }
        }
        var splits = planner.finish();
        if (planner.rows() == 0) {
            throw new RejectedSourceException("the file has a header but no data rows");
        }
        result = new LandingResult(bytes, HexFormat.of().formatHex(digest.digest()), layout, planner.rows(), splits);
    }

    private String decodeFirstLine() throws RejectedSourceException {
        byte[] line = firstLine.toByteArray();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedSourceException("the first line is not UTF-8 text");
        }
    }

    private static int indexOf(byte[] buffer, int offset, int length, byte value) {
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
