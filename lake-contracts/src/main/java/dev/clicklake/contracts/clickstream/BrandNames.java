package dev.clicklake.contracts.clickstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Brand names, lower case: the most viewed REES46 brands first, then made-up names built from
 * syllables (with a number appended only when the syllables run out).
 */
final class BrandNames {

    private static final List<String> BEST_KNOWN = List.of(
            "samsung", "apple", "xiaomi", "huawei", "bosch", "lucente", "lg", "acer", "elenberg", "artel",
            "lenovo", "hp", "sony", "cordiant", "redmond", "dauscher", "oppo", "nokia", "casio", "triangle",
            "vitek", "sv", "starline", "polaris", "asus", "respect", "pioneer", "philips", "vivo", "nokian",
            "sokolov", "stels", "janome", "indesit", "yokohama", "oasis", "beko", "luminarc", "brw", "haier");

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ter", "vo", "ra", "ne", "sto", "lux", "pro", "tek", "ari", "on", "el", "ba",
        "den", "zo", "fi", "ga", "ro", "mar", "vi", "sen", "tor", "ly", "dex", "no", "va", "kor", "is"
    };

    private static final int MAX_ATTEMPTS_PER_NAME = 20;

    private BrandNames() {
    }

    /** {@code count} distinct names; the same random state gives the same names. */
    static List<String> generate(int count, SplittableRandom random) {
        List<String> names = new ArrayList<>(BEST_KNOWN.subList(0, Math.min(count, BEST_KNOWN.size())));
        Set<String> seen = new HashSet<>(names);
        while (names.size() < count) {
            String name = madeUpName(random);
            for (int attempt = 1; !seen.add(name); attempt++) {
                name = attempt < MAX_ATTEMPTS_PER_NAME ? madeUpName(random) : name + random.nextInt(10);
            }
            names.add(name);
        }
        return names;
    }

    private static String madeUpName(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return name.toString();
    }
}
