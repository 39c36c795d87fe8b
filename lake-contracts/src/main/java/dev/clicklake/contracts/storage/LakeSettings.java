package dev.clicklake.contracts.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the lake is and how to reach it: either a {@link Local} folder or an {@link Adls} account.
 * {@link LakeStorageFactory#create} turns these settings into a {@link LakeStorage}.
 *
 * <p>A service maps its config kind ({@code local} or {@code adls}) to one of the two records, e.g.
 * {@code new LakeSettings.Adls(URI.create(endpoint), AdlsCredential.fromConfig(auth, account, secret))}.
 */
public sealed interface LakeSettings {

    /** A lake in a local folder; each container is a subfolder of {@code root}. */
    record Local(Path root) implements LakeSettings {

        public Local {
            Objects.requireNonNull(root, "root");
        }
    }

    /**
     * An Azure Data Lake Storage Gen2 account (or Azurite), reached through its Blob endpoint.
     *
     * @param endpoint the account's DFS or Blob endpoint, e.g. {@code https://<account>.dfs.core.windows.net}
     *     or Azurite's {@code http://127.0.0.1:10000/devstoreaccount1}; never with a query string
     * @param credential how to authenticate
     * @param blockSize bytes per block (and per read request) when streaming objects
     * @param uploadConcurrency blocks of one write staged at the same time; a write holds at most this many
     *     blocks in memory
     */
    record Adls(URI endpoint, AdlsCredential credential, int blockSize, int uploadConcurrency) implements LakeSettings {

        /** 8 MiB. */
        public static final int DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;
        /** Four blocks of a write in flight at once. */
        public static final int DEFAULT_UPLOAD_CONCURRENCY = 4;

        public Adls {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(credential, "credential");
            if (endpoint.getRawQuery() != null || endpoint.getRawUserInfo() != null) {
                // Do not echo the endpoint: a query string here is usually a SAS token.
                throw new IllegalArgumentException(
                        "the ADLS endpoint must not carry a query string or user info; pass a SAS as the credential");
            }
            if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException("the ADLS endpoint must be an http(s) URL: " + endpoint);
            }
            if (blockSize <= 0) {
                throw new IllegalArgumentException("blockSize must be positive: " + blockSize);
            }
            if (uploadConcurrency <= 0) {
                throw new IllegalArgumentException("uploadConcurrency must be positive: " + uploadConcurrency);
            }
        }

        /** Settings with the {@linkplain #DEFAULT_UPLOAD_CONCURRENCY default upload concurrency}. */
        public Adls(URI endpoint, AdlsCredential credential, int blockSize) {
            this(endpoint, credential, blockSize, DEFAULT_UPLOAD_CONCURRENCY);
        }

        /** Settings with the {@linkplain #DEFAULT_BLOCK_SIZE default block size}. */
        public Adls(URI endpoint, AdlsCredential credential) {
            this(endpoint, credential, DEFAULT_BLOCK_SIZE);
        }
    }
}
