package dev.clicklake.contracts.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the lake is and how to reach it: {@code clicklake.lake.*}, the same keys in every service. */
@ConfigMapping(prefix = "clicklake.lake")
public interface LakeConfig {

    /** {@code local} (a folder, the embedded default) or {@code adls} (ADLS Gen2, or Azurite in tests). */
    @WithDefault("local")
    Kind kind();

    /** Container (file system) names of the three medallion layers. */
    Containers containers();

    Local local();

    Adls adls();

    enum Kind { LOCAL, ADLS }

    interface Containers {
        /** Raw files exactly as received. */
        @WithDefault("bronze")
        String bronze();

        /** Cleaned, typed, deduplicated events as Parquet, plus the quarantine. */
        @WithDefault("silver")
        String silver();

        /** KPI snapshots for lake readers. */
        @WithDefault("gold")
        String gold();
    }

    interface Local {
        /** Root folder of the local lake; one sub-folder per container. */
        @WithDefault(".run/lake")
        String root();
    }

    interface Adls {
        /**
         * Account endpoint, e.g. {@code https://myaccount.dfs.core.windows.net}, or Azurite's
         * {@code http://127.0.0.1:10000/devstoreaccount1}.
         */
        Optional<String> endpoint();

        /**
         * {@code connection-string}, {@code sas}, {@code container-sas} (one token per container, from
         * {@code container-sas-dir}), {@code shared-key} or {@code default-credential} (workload/managed identity).
         */
        @WithDefault("default-credential")
        String auth();

        /** Secret: set it through the environment (CLICKLAKE_LAKE_ADLS_CONNECTION_STRING), never in a file in the repo. */
        Optional<String> connectionString();

        /** Secret: a SAS token (CLICKLAKE_LAKE_ADLS_SAS_TOKEN). */
        Optional<String> sasToken();

        /**
         * Folder holding one file per container the service may touch, named like the container and holding its
         * SAS token (a mounted Secret, or what {@code deploy/local/services.sh} mints): for {@code container-sas}.
         */
        Optional<String> containerSasDir();

        /** Account name for shared-key auth. */
        Optional<String> accountName();

        /** Secret: the account key for shared-key auth (CLICKLAKE_LAKE_ADLS_ACCOUNT_KEY). */
        Optional<String> accountKey();

        /** Size of each staged block of an atomic upload, in bytes (memory per concurrent upload). */
        @WithDefault("8388608")
        int blockSize();

        /** Blocks of one upload staged at the same time (each upload holds up to this many blocks in memory). */
        @WithDefault("4")
        int uploadConcurrency();

        /** Create the three containers at start-up when they are missing (never with {@code container-sas}). */
        @WithDefault("true")
        boolean createContainers();
    }
}
