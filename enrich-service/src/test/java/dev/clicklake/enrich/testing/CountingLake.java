package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** The lake it wraps, counting the objects opened for reading (each {@code open} is one GET). */
public final class CountingLake extends ForwardingLake {

    private final AtomicInteger opened = new AtomicInteger();

    public CountingLake(LakeStorage lake) {
        super(lake);
    }

    /** The objects opened since the last call. */
    public int takeOpened() {
        return opened.getAndSet(0);
    }

    @Override
    public InputStream open(LakeLocation location, long offset, long length) throws IOException {
        opened.incrementAndGet();
        return super.open(location, offset, length);
    }

    @Override
    public String describe() {
        return "counting " + super.describe();
    }
}
