package dev.clicklake.contracts.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an object lives: a container (file system) and a slash-separated path inside it.
 * Paths never start with a slash and never contain empty, "." or ".." segments.
 */
public record LakeLocation(String container, String path) {

    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])");

    public LakeLocation {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(path, "path");
        if (!CONTAINER.matcher(container).matches()) {
            throw new IllegalArgumentException("invalid container name: " + container);
        }
        if (!path.isEmpty()) {
            if (path.startsWith("/") || path.contains("\\")) {
                throw new IllegalArgumentException("invalid lake path: " + path);
            }
            String[] segments = path.split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                boolean lastOfPrefix = i == segments.length - 1 && segment.isEmpty();
                if (!lastOfPrefix && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                    throw new IllegalArgumentException("invalid lake path: " + path);
                }
            }
        }
    }

    public static LakeLocation of(String container, String path) {
        return new LakeLocation(container, path);
    }

    /** This location with {@code child} appended as further path segments. */
    public LakeLocation resolve(String child) {
        if (path.isEmpty() || path.endsWith("/")) {
            return new LakeLocation(container, path + child);
        }
        return new LakeLocation(container, path + "/" + child);
    }

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    @Override
    public String toString() {
        return container + "/" + path;
    }
}
