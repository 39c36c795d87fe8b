package dev.clicklake.enrich.storage;

import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.ObjectAlreadyExistsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Uploads a split's local files to the lake, atomically and put-if-absent. When the object is already there
 * (a redelivered split, or another replica that raced this one), the existing object is kept and described
 * instead: what was committed first is what every later {@code silver-ready} announces.
 */
@ApplicationScoped
public class LakeCommitter {

    private final LakeStorage lake;

    public LakeCommitter(LakeStorage lake) {
        this.lake = lake;
    }

    public CommittedObject commit(Path local, LakeLocation target) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(local), digest)) {
            LakeObject created = lake.create(target, in);
            return new CommittedObject(target, created.size(), hex(digest), false);
        } catch (ObjectAlreadyExistsException e) {
            return describeExisting(target);
        }
    }

    private CommittedObject describeExisting(LakeLocation target) throws IOException {
        MessageDigest digest = sha256();
        long bytes;
        try (InputStream in = new DigestInputStream(lake.open(target), digest)) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
        }
        return new CommittedObject(target, bytes, hex(digest), true);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
