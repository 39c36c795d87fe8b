package dev.clicklake.contracts.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Pseudo-random test content that is never held in memory: the same seed and size always give the same
 * bytes, so a test can stream an object out and compare digests instead of arrays. An optional hook runs
 * once when the reader reaches a given offset, to fail or interleave a write midway.
 */
public final class GeneratedContent extends InputStream {

    /** Work done from inside a read, such as waiting for a signal or throwing. */
    @FunctionalInterface
    public interface Hook {
        void run() throws IOException;
    }

    private final SplittableRandom random;
    private final long size;
    private final long hookAt;
    private final Hook hook;
    private long position;
    private boolean hookDone;

    private GeneratedContent(long seed, long size, long hookAt, Hook hook) {
        this.random = new SplittableRandom(seed);
        this.size = size;
        this.hookAt = hookAt;
        this.hook = hook;
    }

    /** {@code size} bytes derived from {@code seed}. */
    public static GeneratedContent of(long seed, long size) {
        return new GeneratedContent(seed, size, -1, null);
    }

    /** The same bytes as {@link #of}, with {@code hook} run once after the first {@code hookAt} bytes. */
    public static GeneratedContent withHook(long seed, long size, long hookAt, Hook hook) {
        return new GeneratedContent(seed, size, hookAt, hook);
    }

    /** Hex SHA-256 of the bytes {@link #of} gives. */
    public static String sha256(long seed, long size) {
        try {
            return sha256(of(seed, size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256 of everything left in {@code in}; closes it. */
    public static String sha256(InputStream in) throws IOException {
        try (DigestInputStream digesting = new DigestInputStream(in, newSha256())) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!hookDone && position == hookAt) {
            hookDone = true;
            hook.run();
        }
        if (position >= size) {
            return -1;
        }
        long limit = !hookDone && hookAt > position ? hookAt : size;
        int count = (int) Math.min(length, limit - position);
        for (int i = 0; i < count; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
        position += count;
        return count;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
