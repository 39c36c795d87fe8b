package dev.clicklake.kpi.config;

import dev.clicklake.kpi.gold.DailyAggregator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain (CDI-free) collaborators from {@link KpiConfig}. */
@ApplicationScoped
public class KpiBeans {

    @Produces
    @Singleton
    DailyAggregator dailyAggregator(KpiConfig config) {
        return new DailyAggregator(config.duckdb().threads(), config.duckdb().memoryLimit(), config.workDir());
    }
}
