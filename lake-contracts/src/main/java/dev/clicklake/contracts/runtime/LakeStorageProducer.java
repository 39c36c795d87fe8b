package dev.clicklake.contracts.runtime;

import dev.clicklake.contracts.storage.AdlsCredential;
import dev.clicklake.contracts.storage.ContainerSasFiles;
import dev.clicklake.contracts.storage.LakeSettings;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.LakeStorageFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/** Makes the configured {@link LakeStorage} injectable; the same wiring in every service. */
@ApplicationScoped
public class LakeStorageProducer {

    private static final Logger LOG = Logger.getLogger(LakeStorageProducer.class);

    @Produces
    @Singleton
    LakeStorage lakeStorage(LakeConfig config) {
        LakeStorage storage = LakeStorageFactory.create(settings(config));
        LOG.infof("lake: %s", storage.describe());
        boolean mayCreate = !"container-sas".equals(config.adls().auth()) && config.adls().createContainers();
        if (config.kind() == LakeConfig.Kind.LOCAL || mayCreate) {
            LakeConfig.Containers c = config.containers();
            try {
                storage.ensureContainers(List.of(c.bronze(), c.silver(), c.gold()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the lake containers on " + storage.describe(), e);
            }
        }
        return storage;
    }

    static LakeSettings settings(LakeConfig config) {
        return switch (config.kind()) {
            case LOCAL -> new LakeSettings.Local(Path.of(config.local().root()));
            case ADLS -> {
                LakeConfig.Adls adls = config.adls();
                String endpoint = adls.endpoint().orElseThrow(() -> new IllegalStateException(
                        "clicklake.lake.adls.endpoint is required when clicklake.lake.kind=adls"));
                if ("container-sas".equals(adls.auth())) {
                    yield new LakeSettings.Adls(URI.create(endpoint), containerSas(config), adls.blockSize(),
                            adls.uploadConcurrency());
                }
                String secret = switch (adls.auth()) {
                    case "connection-string" -> required(adls.connectionString().orElse(null), "connection-string");
                    case "sas" -> required(adls.sasToken().orElse(null), "sas-token");
                    case "shared-key" -> required(adls.accountKey().orElse(null), "account-key");
                    default -> null;
                };
                yield new LakeSettings.Adls(URI.create(endpoint),
                        AdlsCredential.fromConfig(adls.auth(), adls.accountName().orElse(null), secret), adls.blockSize(),
                        adls.uploadConcurrency());
            }
        };
    }

    /** The tokens of {@code container-sas-dir}: one file per container among the three layers', named like it. */
    static AdlsCredential.ContainerSas containerSas(LakeConfig config) {
        Path folder = Path.of(required(config.adls().containerSasDir().orElse(null), "container-sas-dir"));
        LakeConfig.Containers c = config.containers();
        return ContainerSasFiles.read(folder, List.of(c.bronze(), c.silver(), c.gold()));
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("clicklake.lake.adls." + key + " must be set (from the environment) for "
                    + "this clicklake.lake.adls.auth");
        }
        return value;
    }
}
