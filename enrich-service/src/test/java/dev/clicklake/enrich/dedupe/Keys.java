package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.EventKeySet;
import java.util.Set;
import java.util.TreeSet;

/** Event keys named by small numbers, for tests that write the expected keys out by hand: n is (n, -n). */
final class Keys {

    private Keys() {
    }

    static EventKeySet of(long... numbers) {
        EventKeySet keys = new EventKeySet();
        for (long n : numbers) {
            keys.add(new EventKey(n, -n));
        }
        return keys;
    }

    static Set<Long> numbers(EventKeySet keys) {
        Set<Long> numbers = new TreeSet<>();
        keys.forEach(key -> {
            if (key.lo() != -key.hi()) {
                throw new AssertionError("not a key of Keys.of: " + key);
            }
            numbers.add(key.hi());
        });
        return numbers;
    }
}
