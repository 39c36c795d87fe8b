package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A lake that does something else first, once: before the first {@code create} of an object that
 * {@code when} accepts, it runs {@code first} (what another replica does at that moment). Otherwise the
 * lake it wraps.
 */
public final class InterceptedLake implements LakeStorage {

    /** What runs before the intercepted create. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    private final LakeStorage lake;
    private final Predicate<LakeLocation> when;
    private Action first;

    public InterceptedLake(LakeStorage lake, Predicate<LakeLocation> when, Action first) {
        this.lake = lake;
        this.when = when;
        this.first = first;
    }

    @Override
    public LakeObject create(LakeLocation location, InputStream content) throws IOException {
        Action action;
        synchronized (this) {
            action = when.test(location) ? first : null;
            if (action != null) {
                first = null;
            }
        }
        if (action != null) {
            action.run();
        }
        return lake.create(location, content);
    }

    @Override
    public void ensureContainers(Collection<String> containers) throws IOException {
        lake.ensureContainers(containers);
    }

    @Override
    public List<String> missingContainers(Collection<String> containers) throws IOException {
        return lake.missingContainers(containers);
    }

    @Override
    public InputStream open(LakeLocation location, long offset, long length) throws IOException {
        return lake.open(location, offset, length);
    }

    @Override
    public Optional<LakeObject> stat(LakeLocation location) throws IOException {
        return lake.stat(location);
    }

    @Override
    public List<LakeObject> list(LakeLocation prefix) throws IOException {
        return lake.list(prefix);
    }

    @Override
    public boolean delete(LakeLocation location) throws IOException {
        return lake.delete(location);
    }

    @Override
    public String describe() {
        return "intercepted " + lake.describe();
    }
}
