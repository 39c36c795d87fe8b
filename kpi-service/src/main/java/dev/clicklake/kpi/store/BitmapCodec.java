package dev.clicklake.kpi.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** A bitmap as the bytes stored in PostgreSQL (the library's portable format) and back. */
final class BitmapCodec {

    private BitmapCodec() {
    }

    static byte[] toBytes(Roaring64NavigableMap bitmap) {
        bitmap.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            bitmap.serializePortable(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Roaring64NavigableMap fromBytes(byte[] bytes) {
        Roaring64NavigableMap bitmap = new Roaring64NavigableMap();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            bitmap.deserializePortable(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bitmap;
    }
}
