package dev.clicklake.ingest.pipeline;

import dev.clicklake.ingest.config.IngestConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that receive URL and import-directory sources after the request has been answered. */
@ApplicationScoped
public class IngestionWorkers {

    @Inject
    IngestConfig config;

    private ExecutorService executor;

    @PostConstruct
    void start() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "ingestion-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void submit(Runnable work) {
        executor.submit(work);
    }

    /** Work still running is interrupted; its RECEIVING ingestion is failed at the next start once its lease is over. */
    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
