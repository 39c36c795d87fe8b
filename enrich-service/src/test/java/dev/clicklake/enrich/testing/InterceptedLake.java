package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * A lake that does something else first, once: before the first {@code create} of an object that
 * {@code when} accepts, it runs {@code first} (what another replica does at that moment). Otherwise the
 * lake it wraps.
 */
public final class InterceptedLake extends ForwardingLake {

    /** What runs before the intercepted create. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    private final Predicate<LakeLocation> when;
    private Action first;

    public InterceptedLake(LakeStorage lake, Predicate<LakeLocation> when, Action first) {
        super(lake);
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
        return super.create(location, content);
    }

    @Override
    public String describe() {
        return "intercepted " + super.describe();
    }
}
