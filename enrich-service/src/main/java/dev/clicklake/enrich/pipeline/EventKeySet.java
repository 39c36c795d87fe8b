package dev.clicklake.enrich.pipeline;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.function.Consumer;

/**
 * A set of {@link EventKey}s in two flat arrays (open addressing, linear probing): about 40 bytes a key,
 * no object per key. Not thread-safe.
 */
public final class EventKeySet {

    private static final float MAX_LOAD = 0.6f;

    private long[] his = new long[1024];
    private long[] los = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Adds the key; false when it was already there. */
    public boolean add(EventKey key) {
        if (size + 1 > MAX_LOAD * used.length) {
            grow();
        }
        int slot = slot(key.hi(), key.lo());
        if (used[slot]) {
            return false;
        }
        used[slot] = true;
        his[slot] = key.hi();
        los[slot] = key.lo();
        size++;
        return true;
    }

    public boolean contains(EventKey key) {
        return used[slot(key.hi(), key.lo())];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void forEach(Consumer<EventKey> action) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                action.accept(new EventKey(his[i], los[i]));
            }
        }
    }

    /** This set's keys that {@code other} does not hold: a new set, or this one when {@code other} is empty. */
    public EventKeySet without(EventKeySet other) {
        if (other.isEmpty()) {
            return this;
        }
        EventKeySet rest = new EventKeySet();
        forEach(key -> {
            if (!other.contains(key)) {
                rest.add(key);
            }
        });
        return rest;
    }

    /**
     * The keys in ascending (hi, lo) order, signed (a stable order for files that hold keys), as two arrays of
     * {@link #size} halves: key i is {@code (halves[0][i], halves[1][i])}; no key object each.
     */
    public long[][] sortedHalves() {
        long[] sortedHis = new long[size];
        long[] sortedLos = new long[size];
        int next = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                sortedHis[next] = his[i];
                sortedLos[next++] = los[i];
            }
        }
        // fastutil's in-place radix sort of the two arrays, lexicographic and signed (faster than the hand-written
        // LSD sort it replaced at a split's million keys, and no buffers: see the README's Performance)
        LongArrays.radixSort(sortedHis, sortedLos, 0, size);
        return new long[][] {sortedHis, sortedLos};
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int slot(long hi, long lo) {
        int mask = used.length - 1;
        long spread = hi * 0x9e3779b97f4a7c15L + lo; // both halves, so that keys equal in one half spread too
        int slot = (int) (spread ^ (spread >>> 32)) & mask;
        while (used[slot] && (his[slot] != hi || los[slot] != lo)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHis = his;
        long[] oldLos = los;
        boolean[] oldUsed = used;
        his = new long[2 * oldUsed.length];
        los = new long[2 * oldUsed.length];
        used = new boolean[2 * oldUsed.length];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int slot = slot(oldHis[i], oldLos[i]);
                used[slot] = true;
                his[slot] = oldHis[i];
                los[slot] = oldLos[i];
            }
        }
    }
}
