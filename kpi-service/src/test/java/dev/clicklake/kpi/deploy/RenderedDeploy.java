package dev.clicklake.kpi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code deploy/validate.sh} made of docker-compose.yml and the Kubernetes overlays. It runs once per test
 * JVM, after the services are packaged: it renders them with docker-compose and kubectl kustomize, validates
 * them (and the Dockerfiles) with real validators, and leaves the rendered files, as Docker and Kubernetes see
 * them, for the other deploy checks.
 */
public final class RenderedDeploy {

    /** The repository (the tests run in kpi-service/). */
    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    public static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "kpi-service");
    static final List<String> OVERLAYS = List.of("dev", "aks");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RenderedDeploy rendered;

    final int exitCode;
    final String output;
    private final Path dir;

    private RenderedDeploy(int exitCode, String output, Path dir) {
        this.exitCode = exitCode;
        this.output = output;
        this.dir = dir;
    }

    public static synchronized RenderedDeploy get() {
        if (rendered == null) {
            rendered = validate(Path.of("target", "deploy-rendered").toAbsolutePath());
        }
        return rendered;
    }

    private static RenderedDeploy validate(Path dir) {
        try {
            Path log = Files.createDirectories(dir).resolve("validate.log");
            Process process = new ProcessBuilder("bash", ROOT.resolve("deploy/validate.sh").toString(), "--built",
                    dir.toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/validate.sh did not finish in 5 minutes");
            }
            return new RenderedDeploy(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** docker-compose.yml after `docker-compose config`: anchors merged, .env interpolated. */
    public JsonNode compose() {
        return read("compose").get(0);
    }

    /** The objects of one overlay after `kubectl kustomize`. */
    public List<JsonNode> kubernetes(String overlay) {
        return read("k8s-" + overlay);
    }

    private List<JsonNode> read(String name) {
        Path path = dir.resolve(name + ".json");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " was not rendered; deploy/validate.sh said:\n" + output);
        }
        try {
            List<JsonNode> documents = new ArrayList<>();
            JSON.readTree(path.toFile()).forEach(documents::add);
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
