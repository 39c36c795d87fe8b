package dev.clicklake.contracts.lineage;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a stage's job: which job (its name and type), the run's id, and the run it belongs to.
 *
 * @param jobType {@code INGEST}, {@code ENRICH} or {@code GOLD}: the job type facet
 * @param parent the ingestion's run for a split's or a gold build's run; empty for the ingestion itself
 */
public record StageRun(String job, String jobType, UUID runId, Optional<ParentRun> parent) {

    public StageRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(jobType, "jobType");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(parent, "parent");
    }

    /** The run a stage's run is part of. */
    public record ParentRun(String job, UUID runId) {
    }
}
