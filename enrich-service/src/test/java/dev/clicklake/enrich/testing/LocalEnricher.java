package dev.clicklake.enrich.testing;

import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.enrich.config.EnrichConfig;
import dev.clicklake.enrich.dedupe.ClaimVoids;
import dev.clicklake.enrich.dedupe.EventKeyClaims;
import dev.clicklake.enrich.metrics.EnrichMetrics;
import dev.clicklake.enrich.service.SplitEnricher;
import dev.clicklake.enrich.storage.LakeCommitter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A {@link SplitEnricher} wired by hand, without CDI, with the defaults of its config mappings. */
public final class LocalEnricher {

    private LocalEnricher() {
    }

    public static SplitEnricher create(LakeStorage lake, Path workDir, SimpleMeterRegistry registry) {
        return create(lake, workDir, registry, Map.of("clicklake.enrich.duckdb.memory-limit", "256MB"));
    }

    /** @param settings {@code clicklake.enrich.*} values over the defaults */
    public static SplitEnricher create(LakeStorage lake, Path workDir, SimpleMeterRegistry registry,
            Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("clicklake.enrich.work-dir", workDir.toString());
        SmallRyeConfig config = config(properties);
        LakeConfig lakeConfig = config.getConfigMapping(LakeConfig.class);
        EnrichConfig enrichConfig = config.getConfigMapping(EnrichConfig.class);
        return new SplitEnricher(lake, new LakeCommitter(lake), new EventKeyClaims(lake, lakeConfig, enrichConfig),
                new ClaimVoids(lake, lakeConfig), new ContractCodec(),
                new EnrichMetrics(registry), enrichConfig, lakeConfig,
                "enrich-service", "test");
    }

    /** The lake settings with their defaults (containers bronze, silver, gold). */
    public static LakeConfig lakeConfig() {
        return config(Map.of()).getConfigMapping(LakeConfig.class);
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withConverter(Duration.class, 100, new DurationConverter()) // "1s", as Quarkus reads it
                .withMapping(EnrichConfig.class)
                .withMapping(LakeConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }
}
