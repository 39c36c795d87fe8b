package dev.clicklake.contracts.lineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent;
import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Builds the OpenLineage run events of a stage: job (namespace, name, job type facet), run (id, parent run facet,
 * error message facet on FAIL) and datasets (schema, input/output statistics, version facets). Pure: no I/O.
 */
public final class LineageEvents {

    private static final String INTEGRATION = "CLICKLAKE";

    private final OpenLineage openLineage;
    private final String namespace;
    private final Clock clock;

    public LineageEvents(URI producer, String namespace, Clock clock) {
        this.openLineage = new OpenLineage(producer);
        this.namespace = namespace;
        this.clock = clock;
    }

    public String namespace() {
        return namespace;
    }

    /** A START, RUNNING, COMPLETE or ABORT event of {@code run} with its datasets as the stage knows them then. */
    public RunEvent event(RunEvent.EventType type, StageRun run, List<LineageDataset> inputs, List<LineageDataset> outputs) {
        return event(type, run, inputs, outputs, Optional.empty());
    }

    /** A FAIL event of {@code run}, with {@code error} (a message, never a stack trace) as its error message facet. */
    public RunEvent failed(StageRun run, List<LineageDataset> inputs, List<LineageDataset> outputs, String error) {
        return event(RunEvent.EventType.FAIL, run, inputs, outputs, Optional.of(error));
    }

    /**
     * A FAIL event of one attempt of {@code run}, saying whether the attempt will be retried (the message is redelivered)
     * or was given up (dead-lettered).
     */
    public RunEvent failedAttempt(StageRun run, List<LineageDataset> inputs, Exception failure, boolean willRetry) {
        return failed(run, inputs, List.of(), (willRetry ? "attempt failed, will be retried: " : "given up: ")
                + failure.getMessage());
    }

    /** An ABORT event of {@code run}: it stopped without doing what it set out to, for {@code reason} (error message facet). */
    public RunEvent aborted(StageRun run, List<LineageDataset> inputs, List<LineageDataset> outputs, String reason) {
        return event(RunEvent.EventType.ABORT, run, inputs, outputs, Optional.of(reason));
    }

    private RunEvent event(RunEvent.EventType type, StageRun run, List<LineageDataset> inputs,
            List<LineageDataset> outputs, Optional<String> error) {
        OpenLineage.RunFacetsBuilder runFacets = openLineage.newRunFacetsBuilder();
        run.parent().ifPresent(parent -> runFacets.parent(openLineage.newParentRunFacet(
                openLineage.newParentRunFacetRun(parent.runId(), null),
                openLineage.newParentRunFacetJob(namespace, parent.job(), null),
                openLineage.newParentRunFacetRoot(openLineage.newRootRun(parent.runId(), null),
                        openLineage.newRootJob(namespace, parent.job(), null)))));
        error.ifPresent(message -> runFacets.errorMessage(openLineage.newErrorMessageRunFacet(message, "Java", null)));
        return openLineage.newRunEventBuilder()
                .eventType(type)
                .eventTime(ZonedDateTime.now(clock))
                .run(openLineage.newRun(run.runId(), runFacets.build()))
                .job(openLineage.newJob(namespace, run.job(), openLineage.newJobFacetsBuilder()
                        .jobType(openLineage.newJobTypeJobFacet("BATCH", INTEGRATION, run.jobType(), null))
                        .build()))
                .inputs(inputs.stream().map(this::input).toList())
                .outputs(outputs.stream().map(this::output).toList())
                .build();
    }

    private OpenLineage.InputDataset input(LineageDataset dataset) {
        OpenLineage.InputDatasetInputFacets statistics = dataset.rows() == null && dataset.bytes() == null ? null
                : openLineage.newInputDatasetInputFacetsBuilder()
                        .inputStatistics(openLineage.newInputStatisticsInputDatasetFacet(dataset.rows(), dataset.bytes(), null))
                        .build();
        return openLineage.newInputDataset(dataset.namespace(), dataset.name(), facets(dataset), statistics);
    }

    private OpenLineage.OutputDataset output(LineageDataset dataset) {
        OpenLineage.OutputDatasetOutputFacets statistics = dataset.rows() == null && dataset.bytes() == null ? null
                : openLineage.newOutputDatasetOutputFacetsBuilder()
                        .outputStatistics(openLineage.newOutputStatisticsOutputDatasetFacet(dataset.rows(), dataset.bytes(), null))
                        .build();
        return openLineage.newOutputDataset(dataset.namespace(), dataset.name(), facets(dataset), statistics);
    }

    private OpenLineage.DatasetFacets facets(LineageDataset dataset) {
        OpenLineage.DatasetFacetsBuilder facets = openLineage.newDatasetFacetsBuilder();
        if (!dataset.schema().isEmpty()) {
            facets.schema(openLineage.newSchemaDatasetFacet(dataset.schema().stream()
                    .map(field -> openLineage.newSchemaDatasetFacetFieldsBuilder()
                            .name(field.name()).type(field.type()).build())
                    .toList()));
        }
        if (dataset.version() != null) {
            facets.version(openLineage.newDatasetVersionDatasetFacet(dataset.version()));
        }
        return facets.build();
    }
}
