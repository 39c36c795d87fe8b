import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The in-JVM part of a /kpi/summary over N days at REES46 size: deserialize each day's user and session
 * bitmaps (as read from daily_id_sets), OR them, and collect the sessions seen on two or more days, as
 * IdSets.union does. Synthetic days: users drawn from a pool of user ids around 5e8, sessions numbered
 * densely as session_dictionary does, a share of them continuing into the next day.
 *
 * usage: java -cp RoaringBitmap-1.6.29.jar kpi-service/bench/BitmapUnionBench.java [days] [usersPerDay] [sessionsPerDay]
 */
public class BitmapUnionBench {

    public static void main(String[] args) throws IOException {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 61;
        int usersPerDay = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        int sessionsPerDay = args.length > 2 ? Integer.parseInt(args[2]) : 300_000;
        Random random = new Random(42);
        List<byte[]> userDays = new ArrayList<>();
        List<byte[]> sessionDays = new ArrayList<>();
        long nextSession = 0;
        long bytes = 0;
        for (int day = 0; day < days; day++) {
            Roaring64NavigableMap users = new Roaring64NavigableMap();
            for (int i = 0; i < usersPerDay; i++) {
                users.addLong(500_000_000L + random.nextInt(5_000_000) * 13L);
            }
            Roaring64NavigableMap sessions = new Roaring64NavigableMap();
            long carried = nextSession - sessionsPerDay / 20; // 5% of yesterday's sessions continue today
            for (long id = Math.max(0, carried); id < nextSession; id++) {
                sessions.addLong(id);
            }
            for (int i = 0; i < sessionsPerDay; i++) {
                sessions.addLong(nextSession++);
            }
            userDays.add(bytes(users));
            sessionDays.add(bytes(sessions));
            bytes += userDays.get(day).length + sessionDays.get(day).length;
        }
        System.out.printf("%d days, %d users and %d sessions a day: %.1f MB of bitmaps (users + sessions)%n", days,
                usersPerDay, sessionsPerDay, bytes / 1e6);
        long[] timesMicros = new long[50];
        for (int run = 0; run < timesMicros.length + 10; run++) {
            long start = System.nanoTime();
            Roaring64NavigableMap users = new Roaring64NavigableMap();
            Roaring64NavigableMap sessions = new Roaring64NavigableMap();
            Roaring64NavigableMap multiDay = new Roaring64NavigableMap();
            for (int day = 0; day < days; day++) {
                users.or(read(userDays.get(day)));
                Roaring64NavigableMap daySessions = read(sessionDays.get(day));
                Roaring64NavigableMap seenBefore = new Roaring64NavigableMap();
                seenBefore.or(daySessions);
                seenBefore.and(sessions);
                multiDay.or(seenBefore);
                sessions.or(daySessions);
            }
            long cardinalities = users.getLongCardinality() + sessions.getLongCardinality() + multiDay.getLongCardinality();
            if (run >= 10) {
                timesMicros[run - 10] = (System.nanoTime() - start) / 1_000;
            }
            if (run == 0) {
                System.out.printf("users %d, sessions %d, multi-day sessions %d (check %d)%n", users.getLongCardinality(),
                        sessions.getLongCardinality(), multiDay.getLongCardinality(), cardinalities);
            }
        }
        Arrays.sort(timesMicros);
        System.out.printf("union of users + sessions + multi-day set, 2 of the 6 stored kinds: median %.1f ms, max %.1f ms over %d runs%n",
                timesMicros[timesMicros.length / 2] / 1e3, timesMicros[timesMicros.length - 1] / 1e3, timesMicros.length);
    }

    private static byte[] bytes(Roaring64NavigableMap bitmap) throws IOException {
        bitmap.runOptimize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bitmap.serializePortable(new DataOutputStream(out));
        return out.toByteArray();
    }

    private static Roaring64NavigableMap read(byte[] bytes) throws IOException {
        Roaring64NavigableMap bitmap = new Roaring64NavigableMap();
        bitmap.deserializePortable(new DataInputStream(new ByteArrayInputStream(bytes)));
        return bitmap;
    }
}
