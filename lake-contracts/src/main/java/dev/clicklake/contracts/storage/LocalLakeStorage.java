package dev.clicklake.contracts.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A lake in a local folder, for development and tests: each container is a subfolder of the root, each
 * object a file at its path inside it.
 *
 * <p>{@link #create} writes into a hidden staging folder ({@code <root>/.staging}, never listed), forces
 * the bytes to disk, then publishes the file with a hard link, which the file system refuses atomically
 * when the target exists. The root must therefore be on a file system with hard links (every usual Linux,
 * macOS and Windows one); renaming is not used because it would silently replace an existing object.
 */
public final class LocalLakeStorage implements LakeStorage {

    private static final String STAGING = ".staging";

    private final Path root;

    /** A lake rooted at {@code root}, whose containers {@link #ensureContainers} creates. */
    public LocalLakeStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void ensureContainers(Collection<String> containers) throws IOException {
        for (String container : StorageArguments.containerNames(containers)) {
            Files.createDirectories(root.resolve(container));
        }
    }

    @Override
    public List<String> missingContainers(Collection<String> containers) {
        List<String> missing = new ArrayList<>();
        for (String container : StorageArguments.containerNames(containers)) {
            if (!Files.isDirectory(root.resolve(container))) {
                missing.add(container);
            }
        }
        return missing;
    }

    @Override
    public LakeObject create(LakeLocation location, InputStream content) throws IOException {
        Path target = file(StorageArguments.objectLocation(location));
        if (!Files.isDirectory(root.resolve(location.container()))) {
            throw new NoSuchFileException(location.toString(), null, "container does not exist");
        }
        Path staging = Files.createDirectories(root.resolve(STAGING));
        Path staged = staging.resolve(UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.transferTo(Channels.newOutputStream(channel));
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, staged);
            } catch (FileAlreadyExistsException e) {
                throw new ObjectAlreadyExistsException(location);
            }
            return object(location, Files.readAttributes(staged, BasicFileAttributes.class));
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public InputStream open(LakeLocation location, long offset, long length) throws IOException {
        StorageArguments.checkRange(offset, length);
        if (stat(location).isEmpty()) {
            throw new NoSuchFileException(location.toString());
        }
        FileChannel channel = FileChannel.open(file(location), StandardOpenOption.READ);
        return new BoundedInputStream(Channels.newInputStream(channel.position(offset)), length);
    }

    @Override
    public Optional<LakeObject> stat(LakeLocation location) throws IOException {
        Path file = file(StorageArguments.objectLocation(location));
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(object(location, attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<LakeObject> list(LakeLocation prefix) throws IOException {
        Path container = root.resolve(prefix.container());
        String wanted = prefix.path();
        Path start = container.resolve(wanted.substring(0, wanted.lastIndexOf('/') + 1));
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<LakeObject> found = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String path = lakePath(container, dir) + "/";
                boolean mayMatch = dir.equals(start) || path.startsWith(wanted) || wanted.startsWith(path);
                return mayMatch ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = lakePath(container, file);
                if (attributes.isRegularFile() && path.startsWith(wanted)) {
                    found.add(object(LakeLocation.of(prefix.container(), path), attributes));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we were listing
                }
                throw e;
            }
        });
        found.sort(StorageArguments.BY_PATH);
        return found;
    }

    @Override
    public boolean delete(LakeLocation location) throws IOException {
        Path file = file(StorageArguments.objectLocation(location));
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file);
    }

    @Override
    public boolean deleteFolderIfEmpty(LakeLocation folder) throws IOException {
        Path dir = root.resolve(folder.container()).resolve(StorageArguments.folderLocation(folder).path());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "local:" + root;
    }

    private Path file(LakeLocation location) {
        return root.resolve(location.container()).resolve(location.path());
    }

    private static String lakePath(Path container, Path file) {
        return container.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static LakeObject object(LakeLocation location, BasicFileAttributes attributes) {
        return new LakeObject(location, attributes.size(), attributes.lastModifiedTime().toInstant());
    }
}
