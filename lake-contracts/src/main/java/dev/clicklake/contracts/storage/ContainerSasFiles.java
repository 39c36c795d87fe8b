package dev.clicklake.contracts.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder of container SAS tokens, one file per container named like it (a mounted Kubernetes Secret has this
 * shape, and {@link ContainerSasMinter} writes it). Messages name files, never their content.
 */
public final class ContainerSasFiles {

    private ContainerSasFiles() {
    }

    /**
     * The tokens of {@code folder} for those of {@code containers} that have a file: a container without one gets no
     * credential.
     *
     * @throws IllegalStateException when no container has a token file
     */
    public static AdlsCredential.ContainerSas read(Path folder, Collection<String> containers) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String container : containers) {
            Path file = folder.resolve(container);
            if (Files.isRegularFile(file)) {
                try {
                    tokens.put(container, Files.readString(file).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the SAS token file " + file, e);
                }
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException(folder + " holds no SAS token file named like a container " + containers);
        }
        return new AdlsCredential.ContainerSas(tokens);
    }
}
