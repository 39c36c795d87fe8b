package dev.clicklake.contracts.clickstream;

import java.util.Arrays;

/**
 * The sessions in progress, ordered by the time of their next event (a binary min-heap). After the
 * top session has written an event, {@link #topMoved()} restores the order in one pass.
 */
final class SessionHeap {

    private ClickSession[] sessions = new ClickSession[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    ClickSession top() {
        return sessions[0];
    }

    void add(ClickSession session) {
        if (size == sessions.length) {
            sessions = Arrays.copyOf(sessions, size * 2);
        }
        int i = size++;
        long time = session.nextTime();
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (sessions[parent].nextTime() <= time) {
                break;
            }
            sessions[i] = sessions[parent];
            i = parent;
        }
        sessions[i] = session;
    }

    void removeTop() {
        ClickSession last = sessions[--size];
        sessions[size] = null;
        if (size > 0) {
            siftDown(last);
        }
    }

    /** Call after the top session's next event time grew. */
    void topMoved() {
        siftDown(sessions[0]);
    }

    private void siftDown(ClickSession session) {
        long time = session.nextTime();
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && sessions[right].nextTime() < sessions[child].nextTime()) {
                child = right;
            }
            if (time <= sessions[child].nextTime()) {
                break;
            }
            sessions[i] = sessions[child];
            i = child;
        }
        sessions[i] = session;
    }
}
