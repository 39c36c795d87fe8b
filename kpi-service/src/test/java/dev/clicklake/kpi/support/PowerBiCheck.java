package dev.clicklake.kpi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node tools of {@code deploy/powerbi/check} (Microsoft's M parser, the TMDL reader of the Power BI project), run
 * from the tests: installed with {@code npm ci} from their lock file on first use, each printing one JSON document.
 */
public final class PowerBiCheck {

    /** deploy/powerbi, from kpi-service's working directory. */
    public static final Path POWERBI = Path.of("..", "deploy", "powerbi").toAbsolutePath().normalize();
    /** deploy/powerbi/check, where the tools and their node_modules live. */
    public static final Path CHECK = POWERBI.resolve("check");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PowerBiCheck() {
    }

    /** Runs {@code node script arguments...} in deploy/powerbi/check and reads what it prints as JSON. */
    public static JsonNode node(String script, List<String> arguments) throws Exception {
        if (!Files.isDirectory(CHECK.resolve("node_modules/@microsoft/powerquery-parser"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        return JSON.readTree(run(command));
    }

    private static String run(List<String> command) throws Exception {
        Path out = Files.createTempFile("powerbi-check", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(CHECK.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 5 minutes");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> command + " failed: " + output);
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
