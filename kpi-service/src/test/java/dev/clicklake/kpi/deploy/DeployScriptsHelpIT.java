package dev.clicklake.kpi.deploy;

import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script under deploy/ answers {@code --help} with its own header comment, and does nothing else. */
class DeployScriptsHelpIT {

    static Stream<Path> scripts() throws Exception {
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy"))) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".sh") && !p.endsWith("lib.sh"))
                    .filter(p -> !p.toString().contains("node_modules")).sorted().toList();
            assertFalse(scripts.isEmpty());
            return scripts.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void answersHelpWithItsHeader(Path script) throws Exception {
        List<String> lines = Files.readAllLines(script);
        String firstComment = lines.get(1).replaceFirst("^# ?", "");
        assertTrue(lines.get(1).startsWith("#") && !firstComment.isBlank(), script + ": no header comment on line 2");
        Process process = new ProcessBuilder("bash", script.toString(), "--help").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), script + ": still running");
        assertEquals(0, process.exitValue(), script + ": " + out);
        assertEquals(firstComment, out.lines().findFirst().orElse(""), script + ": the help is not its header");
    }
}
