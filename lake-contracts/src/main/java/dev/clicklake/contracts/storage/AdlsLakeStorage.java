package dev.clicklake.contracts.storage;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A lake in an Azure Data Lake Storage Gen2 account, spoken to through the Blob API only.
 *
 * <p>The Blob API serves the same data as the DFS API on a hierarchical-namespace account, and it is the
 * only one Azurite emulates, so the code that runs in production is the code the Azurite tests check.
 * {@link #create} stages fixed-size blocks, up to {@code uploadConcurrency} of them at the same time (so a
 * write holds at most that many blocks in memory, and the service's per-request latency overlaps), then
 * commits the block list, in order, with {@code If-None-Match: *}: the object appears whole at the commit, or
 * not at all, and a commit over an existing object fails. Directory markers (metadata {@code hdi_isfolder=true}) are not objects.
 */
public final class AdlsLakeStorage implements LakeStorage {

    private static final String FOLDER_MARKER = "hdi_isfolder";
    /** Metadata naming the writer that committed an object, to recognise our own retried commit. */
    private static final String WRITER = "clicklake_writer";

    /** The client of each container, by name. */
    private final Function<String, BlobContainerClient> containerClients;
    private final String accountUrl;
    private final int blockSize;
    private final int uploadConcurrency;
    /** Stages blocks; threads are made as uploads need them and end when idle (daemon: never hold the JVM). */
    private final ExecutorService stagers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "adls-stage-block");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param blobs a client for the account's Blob endpoint
     * @param blockSize bytes per staged block and per read request
     * @param uploadConcurrency blocks of one upload staged at the same time
     */
    public AdlsLakeStorage(BlobServiceClient blobs, int blockSize, int uploadConcurrency) {
        this(blobs::getBlobContainerClient, blobs.getAccountUrl(), blockSize, uploadConcurrency);
    }

    /**
     * @param containers the client of each container, by name (e.g. each signed with its own container SAS)
     * @param accountUrl the account's Blob endpoint, for {@link #describe()}
     * @param blockSize bytes per staged block and per read request
     * @param uploadConcurrency blocks of one upload staged at the same time
     */
    public AdlsLakeStorage(Function<String, BlobContainerClient> containers, String accountUrl, int blockSize,
            int uploadConcurrency) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be positive: " + blockSize);
        }
        if (uploadConcurrency <= 0) {
            throw new IllegalArgumentException("uploadConcurrency must be positive: " + uploadConcurrency);
        }
        this.containerClients = containers;
        this.accountUrl = accountUrl;
        this.blockSize = blockSize;
        this.uploadConcurrency = uploadConcurrency;
    }

    @Override
    public void ensureContainers(Collection<String> containers) throws IOException {
        for (String container : StorageArguments.containerNames(containers)) {
            call(LakeLocation.of(container, ""), () -> containerClients.apply(container).createIfNotExists());
        }
    }

    @Override
    public List<String> missingContainers(Collection<String> containers) throws IOException {
        List<String> missing = new ArrayList<>();
        // by listing (at most one name), not by the container's properties: a container SAS may list, not read those
        ListBlobsOptions one = new ListBlobsOptions().setMaxResultsPerPage(1);
        for (String container : StorageArguments.containerNames(containers)) {
            try {
                call(LakeLocation.of(container, ""),
                        () -> containerClients.apply(container).listBlobs(one, null).iterator().hasNext());
            } catch (NoSuchFileException e) {
                missing.add(container);
            }
        }
        return missing;
    }

    @Override
    public LakeObject create(LakeLocation location, InputStream content) throws IOException {
        BlockBlobClient blob = blockBlob(StorageArguments.objectLocation(location));
        String writer = UUID.randomUUID().toString();
        List<String> blockIds = new ArrayList<>();
        List<Future<Void>> staging = new ArrayList<>();
        Semaphore inFlight = new Semaphore(uploadConcurrency);
        long size = 0;
        boolean staged = false;
        try {
            for (byte[] block = content.readNBytes(blockSize); block.length > 0; block = content.readNBytes(blockSize)) {
                String blockId = blockId(writer, blockIds.size());
                BlockBlobStageBlockOptions stage = new BlockBlobStageBlockOptions(blockId, BinaryData.fromBytes(block));
                inFlight.acquire();
                staging.add(stagers.submit(() -> {
                    try {
                        call(location, () -> blob.stageBlockWithResponse(stage, null, Context.NONE));
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
                blockIds.add(blockId);
                size += block.length;
                failEarly(staging);
            }
            for (Future<Void> block : staging) {
                awaitStaged(block);
            }
            staged = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while staging blocks of " + location);
        } finally {
            if (!staged) {
                staging.forEach(block -> block.cancel(true));
            }
        }
        return commit(blob, location, blockIds, writer, size);
    }

    /** Throws the failure of a block already staged, so that a failed upload stops reading its source. */
    private static void failEarly(List<Future<Void>> staging) throws IOException, InterruptedException {
        for (Future<Void> block : staging) {
            if (block.isDone()) {
                awaitStaged(block);
            }
        }
    }

    private static void awaitStaged(Future<Void> block) throws IOException, InterruptedException {
        try {
            block.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private LakeObject commit(BlockBlobClient blob, LakeLocation location, List<String> blockIds, String writer, long size)
            throws IOException {
        BlockBlobCommitBlockListOptions options = new BlockBlobCommitBlockListOptions(blockIds)
                .setMetadata(Map.of(WRITER, writer))
                .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
        try {
            OffsetDateTime committed = call(location,
                    () -> blob.commitBlockListWithResponse(options, null, Context.NONE).getValue().getLastModified());
            return new LakeObject(location, size, committed.toInstant());
        } catch (IOException e) {
            if (e.getCause() instanceof BlobStorageException refusal) {
                return afterFailedCommit(refusal, location, writer);
            }
            throw e;
        }
    }

    /**
     * Makes sense of a failed commit. Another writer's object may be there: the service then refuses our
     * commit with 409 or 412 or, if that writer's commit discarded the blocks we had staged, with
     * InvalidBlockList. Our own object may be there too, when the SDK retried a commit whose response was
     * lost: then the commit did succeed, and that object is returned.
     */
    private LakeObject afterFailedCommit(BlobStorageException e, LakeLocation location, String writer) throws IOException {
        boolean conflict = e.getStatusCode() == 409 || e.getStatusCode() == 412;
        if (!conflict && e.getErrorCode() != BlobErrorCode.INVALID_BLOCK_LIST) {
            throw translate(e, location);
        }
        Optional<BlobProperties> existing = properties(location);
        if (existing.isEmpty() && !conflict) {
            throw translate(e, location);
        }
        if (existing.isPresent() && writer.equals(existing.get().getMetadata().get(WRITER))) {
            return object(location, existing.get());
        }
        throw new ObjectAlreadyExistsException(location);
    }

    @Override
    public InputStream open(LakeLocation location, long offset, long length) throws IOException {
        BlobClient blob = blob(StorageArguments.objectLocation(location));
        StorageArguments.checkRange(offset, length);
        if (length == 0) { // a zero-length range cannot be expressed as a Range header
            stat(location).orElseThrow(() -> new NoSuchFileException(location.toString()));
            return InputStream.nullInputStream();
        }
        BlobInputStreamOptions options = new BlobInputStreamOptions()
                .setRange(new BlobRange(offset, length))
                .setBlockSize(blockSize);
        BlobInputStream stream;
        try {
            stream = call(location, () -> blob.openInputStream(options));
        } catch (IOException e) {
            if (e.getCause() instanceof BlobStorageException cause && cause.getErrorCode() == BlobErrorCode.INVALID_RANGE) {
                return InputStream.nullInputStream(); // the range starts at or past the end of the object
            }
            throw e;
        }
        if (isFolder(stream.getProperties().getMetadata())) {
            stream.close();
            throw new NoSuchFileException(location.toString(), null, "a directory, not an object");
        }
        return stream;
    }

    @Override
    public Optional<LakeObject> stat(LakeLocation location) throws IOException {
        return properties(StorageArguments.objectLocation(location))
                .filter(properties -> !isFolder(properties.getMetadata()))
                .map(properties -> object(location, properties));
    }

    @Override
    public List<LakeObject> list(LakeLocation prefix) throws IOException {
        ListBlobsOptions options = new ListBlobsOptions()
                .setPrefix(prefix.path().isEmpty() ? null : prefix.path())
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        BlobContainerClient container = containerClients.apply(prefix.container());
        try {
            return call(prefix, () -> container.listBlobs(options, null).stream()
                    .filter(item -> !isFolder(item.getMetadata()))
                    .map(item -> new LakeObject(LakeLocation.of(prefix.container(), item.getName()),
                            item.getProperties().getContentLength(), item.getProperties().getLastModified().toInstant()))
                    .sorted(StorageArguments.BY_PATH)
                    .toList());
        } catch (NoSuchFileException e) {
            return List.of(); // no such container
        }
    }

    @Override
    public boolean delete(LakeLocation location) throws IOException {
        return call(location, () -> blob(StorageArguments.objectLocation(location)).deleteIfExists());
    }

    @Override
    public boolean deleteFolderIfEmpty(LakeLocation folder) throws IOException {
        StorageArguments.folderLocation(folder);
        if (!list(folder).isEmpty()) {
            return false;
        }
        LakeLocation marker = LakeLocation.of(folder.container(), folder.path().substring(0, folder.path().length() - 1));
        Optional<BlobProperties> properties = properties(marker);
        if (properties.isEmpty() || !isFolder(properties.get().getMetadata())) {
            return false; // a flat namespace (Azurite) has no folders: nothing to delete
        }
        return call(marker, () -> blob(marker).deleteIfExists());
    }

    @Override
    public String describe() {
        return "adls:" + accountUrl;
    }

    private Optional<BlobProperties> properties(LakeLocation location) throws IOException {
        try {
            return Optional.of(call(location, () -> blob(location).getProperties()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private BlobClient blob(LakeLocation location) {
        return containerClients.apply(location.container()).getBlobClient(location.path());
    }

    private BlockBlobClient blockBlob(LakeLocation location) {
        return blob(location).getBlockBlobClient();
    }

    /** Block ids must be Base64 and all of one length within a blob; the writer's UUID keeps them unique. */
    private static String blockId(String writer, int index) {
        return Base64.getEncoder().encodeToString("%s-%05d".formatted(writer, index).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isFolder(Map<String, String> metadata) {
        return metadata != null && "true".equalsIgnoreCase(metadata.get(FOLDER_MARKER));
    }

    private static LakeObject object(LakeLocation location, BlobProperties properties) {
        return new LakeObject(location, properties.getBlobSize(), properties.getLastModified().toInstant());
    }

    /** Runs one SDK call, turning its storage and network failures into {@link IOException}s. */
    private static <T> T call(LakeLocation location, Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (BlobStorageException e) {
            throw translate(e, location);
        } catch (RuntimeException e) {
            // The SDK wraps network failures (refused connections, timeouts) in unchecked exceptions.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException || cause instanceof TimeoutException) {
                    throw new IOException(location + ": " + cause.getMessage(), e);
                }
            }
            throw e;
        }
    }

    /** Status and error code only: the service's message may echo request details. */
    private static IOException translate(BlobStorageException e, LakeLocation location) {
        IOException translated = e.getStatusCode() == 404
                ? new NoSuchFileException(location.toString(), null, String.valueOf(e.getErrorCode()))
                : new IOException(location + ": Azure Storage answered " + e.getStatusCode() + " " + e.getErrorCode());
        translated.initCause(e);
        return translated;
    }
}
