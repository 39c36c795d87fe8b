package dev.clicklake.kpi.gold;

import dev.clicklake.contracts.storage.LakeObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What a gold day is built from, as one SHA-256: the path, size and last-modified time of every silver file of its
 * partition, sorted, and {@link #BUILD} (so gold built by a version that computes differently is rebuilt). The
 * figures of a day are a function of its silver files, so two builds with one fingerprint give the same gold.
 */
public record SilverFingerprint(String hex, int files) {

    /** Changes whenever a new version computes a day's gold differently from the same silver. */
    static final String BUILD = "gold-day/4";

    public static SilverFingerprint of(List<LakeObject> objects) {
        MessageDigest sha = sha256();
        sha.update(BUILD.getBytes(StandardCharsets.UTF_8));
        objects.stream().sorted(Comparator.comparing((LakeObject object) -> object.location().container())
                        .thenComparing(object -> object.location().path()))
                .forEach(object -> sha.update(("\n" + object.location().container() + "/" + object.location().path()
                        + "\t" + object.size() + "\t" + object.lastModified().toEpochMilli())
                        .getBytes(StandardCharsets.UTF_8)));
        return new SilverFingerprint(HexFormat.of().formatHex(sha.digest()), objects.size());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
