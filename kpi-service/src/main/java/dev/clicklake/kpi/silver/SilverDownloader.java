package dev.clicklake.kpi.silver;

import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.config.KpiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Copies every silver file of a dataset's day from the lake to a local folder, streaming one file at a time. */
@ApplicationScoped
public class SilverDownloader {

    private final LakeStorage lake;
    private final String silverContainer;
    private final Path workDir;

    SilverDownloader(LakeStorage lake, LakeConfig lakeConfig, KpiConfig kpiConfig) {
        this.lake = lake;
        this.silverContainer = lakeConfig.containers().silver();
        this.workDir = kpiConfig.workDir();
    }

    /** Every silver events file of the day's partition as it is now, however many messages wrote them. */
    public List<LakeObject> list(String dataset, LocalDate date) throws IOException {
        LakeLocation partition = LakeLocation.of(silverContainer, SilverLayout.partitionPrefix(dataset, date));
        return lake.list(partition).stream()
                .filter(object -> SilverLayout.isEventsFile(partition.path(), object.location().path()))
                .toList();
    }

    /** Copies {@code objects} (a day's, from {@link #list}) to a local folder of {@code dataset} and {@code date}. */
    public SilverPartitionCopy download(String dataset, LocalDate date, List<LakeObject> objects) throws IOException {
        Path folder = Files.createTempDirectory(Files.createDirectories(workDir), dataset + "-" + date + "-");
        try {
            List<Path> files = new ArrayList<>();
            for (LakeObject object : objects) {
                files.add(copy(object, folder.resolve("%05d.parquet".formatted(files.size()))));
            }
            return new SilverPartitionCopy(folder, files);
        } catch (IOException | RuntimeException e) {
            SilverPartitionCopy.deleteRecursively(folder);
            throw e;
        }
    }

    private Path copy(LakeObject object, Path target) throws IOException {
        long copied;
        try (InputStream in = lake.open(object.location())) {
            copied = Files.copy(in, target);
        }
        if (copied != object.size()) {
            throw new IOException("read " + copied + " of " + object.size() + " bytes of " + object.location());
        }
        return target;
    }
}
