package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A lake that hands every call to the lake it wraps: test lakes extend it and change what they watch. */
public abstract class ForwardingLake implements LakeStorage {

    private final LakeStorage lake;

    protected ForwardingLake(LakeStorage lake) {
        this.lake = lake;
    }

    @Override
    public InputStream open(LakeLocation location, long offset, long length) throws IOException {
        return lake.open(location, offset, length);
    }

    @Override
    public LakeObject create(LakeLocation location, InputStream content) throws IOException {
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
        return lake.describe();
    }
}
