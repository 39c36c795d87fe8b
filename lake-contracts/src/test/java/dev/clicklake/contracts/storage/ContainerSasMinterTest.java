package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minter's files, as services.sh hands them to the services: one owner-only file per container a service may
 * touch (and none for the others, even after an earlier mint), read back by {@link ContainerSasFiles}.
 */
class ContainerSasMinterTest {

    private static final List<String> CONTAINERS = List.of("bronze", "silver", "gold");

    @TempDir
    Path out;

    @Test
    void eachServiceGetsATokenFileForExactlyTheLayersItMayTouch() throws Exception {
        Files.createDirectories(out.resolve("ingest-service"));
        Files.writeString(out.resolve("ingest-service/gold"), "a token an earlier mint left");
        ContainerSasMinter.main(new String[] {out.toString(), "1"});
        for (LakeAccess service : LakeAccess.values()) {
            Path folder = out.resolve(service.service());
            TreeSet<String> expected = new TreeSet<>();
            service.rights().keySet().forEach(layer -> expected.add(layer.name().toLowerCase()));
            try (var files = Files.list(folder)) {
                assertEquals(expected, new TreeSet<>(files.map(file -> file.getFileName().toString()).toList()), service.name());
            }
            for (String container : expected) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(container))));
            }
            AdlsCredential.ContainerSas sas = ContainerSasFiles.read(folder, CONTAINERS);
            assertEquals(expected, new TreeSet<>(sas.tokens().keySet()));
            sas.tokens().forEach((container, token) -> {
                assertTrue(token.contains("sr=c"), "a container SAS");
                assertTrue(token.contains("sp=" + service.rights().get(LakeAccess.Layer.valueOf(container.toUpperCase()))
                        .sasPermissions()), container);
                assertFalse(sas.toString().contains(token), "toString hides the tokens");
            });
        }
    }

    @Test
    void aFolderWithoutATokenIsRefusedNamingNoContent() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ContainerSasFiles.read(out, CONTAINERS));
        assertTrue(refused.getMessage().contains(out.toString()), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AdlsCredential.ContainerSas(Map.of("bronze", " ")));
    }
}
