package dev.clicklake.contracts.clickstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One pass of {@link ClickstreamGenerator}: admits sessions as their start time comes, writes the
 * earliest pending event of the sessions in progress, and adds duplicates, bad rows, the header,
 * line endings and the cut last line as the options ask.
 *
 * <p>A new session starts whenever the rows written (and the first rows of sessions about to
 * start) would fall behind the traffic the {@link TrafficClock} expects by the next pending event;
 * it starts at the moment the clock expects the next row. Sessions in progress write most rows,
 * new ones fill the gaps, and the file's rows follow the clock to the end of the window whatever
 * the random session lengths turn out to be.
 */
final class GenerationRun {

    private static final double ANOTHER_COPY_CHANCE = 0.35;
    private static final int MAX_COPIES = 80;
    private static final double MEAN_COPIES = 1 / (1 - ANOTHER_COPY_CHANCE);
    private static final BadRowKind[] BAD_ROW_KINDS = BadRowKind.values();
    private static final int[] CUTTABLE_FIELDS = {
        ClickstreamColumns.EVENT_TIME_INDEX, ClickstreamColumns.EVENT_TYPE_INDEX, ClickstreamColumns.PRODUCT_ID_INDEX,
        ClickstreamColumns.CATEGORY_ID_INDEX, ClickstreamColumns.PRICE_INDEX, ClickstreamColumns.USER_ID_INDEX
    };

    private final ClickstreamOptions options;
    private final CountingSink sink;
    private final SplittableRandom events;
    private final SplittableRandom faults;
    private final ProductCatalog catalog;
    private final TrafficClock clock;
    private final SessionStarter starter;
    private final SessionBehaviour behaviour;
    private final SessionHeap active = new SessionHeap();
    private final CsvRowBuilder row = new CsvRowBuilder();
    private final byte[][] typeText;
    private final byte[] lineEnding;
    private final double rowsWanted;
    private final double duplicateChance;

    /** Sessions admitted whose first event is still to be written. */
    private long unstartedSessions;
    private long lastTime;
    private long sessions;
    private boolean lineOpen;
    private long rows;
    private long duplicates;
    private long badInjected;
    private final long[] eventCounts = new long[EventType.values().length];
    private final long[] badCounts = new long[BAD_ROW_KINDS.length];
    private Instant firstEventTime;
    private long lastRowTime;

    GenerationRun(ClickstreamOptions options, OutputStream out) {
        this.options = options;
        this.sink = new CountingSink(out);
        SplittableRandom root = new SplittableRandom(options.seed());
        this.catalog = ProductCatalog.build(options, root.split());
        this.clock = new TrafficClock(options.startDate(), options.days(), root.split());
        this.events = root.split();
        this.faults = root.split();

        SessionLengths lengths = new SessionLengths(options.eventsPerSession());
        double d = options.duplicateShare();
        this.duplicateChance = d / ((1 - d) * MEAN_COPIES);
        this.rowsWanted = Math.max(1, options.rows());
        double expectedSessions = options.rows() / lengths.mean();
        UserPopulation users = new UserPopulation(expectedSessions, options.sessionsPerUser(), root.split());
        this.starter = new SessionStarter(options, lengths, users, clock.end() - 1);
        this.behaviour = new SessionBehaviour(catalog, options);

        this.typeText = new byte[EventType.values().length][];
        for (EventType type : EventType.values()) {
            typeText[type.ordinal()] = type.wireName().getBytes(StandardCharsets.US_ASCII);
        }
        this.lineEnding = options.lineEnding().text().getBytes(StandardCharsets.US_ASCII);
        this.lastTime = clock.start();
    }

    ClickstreamSummary run() throws IOException {
        if (options.header()) {
            byte[] header = ClickstreamColumns.HEADER.getBytes(StandardCharsets.US_ASCII);
            writeLine(header, header.length);
        }
        while (rows < options.rows()) {
            writeNextEvent();
        }
        if (options.cutLastLine()) {
            writeCutLine();
        } else if (options.finalNewline() && lineOpen) {
            sink.write(lineEnding);
        }
        sink.flush();
        return summary();
    }

    private void writeNextEvent() throws IOException {
        EventType type = formatNextEvent();
        if (isBadRowTurn()) {
            BadRowKind kind = BAD_ROW_KINDS[(int) (badInjected % BAD_ROW_KINDS.length)];
            byte[] bad = kind.corrupt(row.toString()).getBytes(StandardCharsets.US_ASCII);
            writeDataLine(bad, bad.length);
            badCounts[kind.ordinal()]++;
            badInjected++;
            return;
        }
        writeGoodRow(type);
        if (events.nextDouble() < duplicateChance) {
            int copies = 1;
            while (copies < MAX_COPIES && events.nextDouble() < ANOTHER_COPY_CHANCE) {
                copies++;
            }
            for (int i = 0; i < copies && options.rows() - rows > options.badRows() - badInjected; i++) {
                writeGoodRow(type);
                duplicates++;
            }
        }
    }

    /** Selection sampling: every remaining row is equally likely to be one of the remaining bad rows. */
    private boolean isBadRowTurn() {
        long badLeft = options.badRows() - badInjected;
        return badLeft > 0 && faults.nextDouble() * (options.rows() - rows) < badLeft;
    }

    private void writeGoodRow(EventType type) throws IOException {
        writeDataLine(row.bytes(), row.length());
        eventCounts[type.ordinal()]++;
    }

    private void writeDataLine(byte[] bytes, int length) throws IOException {
        if (firstEventTime == null) {
            firstEventTime = Instant.ofEpochSecond(lastTime);
        }
        writeLine(bytes, length);
        lastRowTime = lastTime;
        rows++;
    }

    /** The line ending goes before each line but the first, so the last line can go without one. */
    private void writeLine(byte[] bytes, int length) throws IOException {
        if (lineOpen) {
            sink.write(lineEnding);
        }
        sink.write(bytes, length);
        lineOpen = true;
    }

    /** One more event, cut inside one of its always non-empty fields, left without a line ending. */
    private void writeCutLine() throws IOException {
        formatNextEvent();
        int field = CUTTABLE_FIELDS[faults.nextInt(CUTTABLE_FIELDS.length)];
        int fieldStart = 0;
        for (int commas = 0; commas < field; fieldStart++) {
            if (row.bytes()[fieldStart] == ',') {
                commas++;
            }
        }
        int fieldEnd = fieldStart;
        while (row.bytes()[fieldEnd] != ',') {
            fieldEnd++;
        }
        writeLine(row.bytes(), fieldStart + 1 + faults.nextInt(fieldEnd - fieldStart - 1));
    }

    /** Formats the earliest pending event into {@link #row} and moves its session on. */
    private EventType formatNextEvent() {
        ClickSession session = sessionWithNextEvent();
        long time = session.nextTime();
        int userId = session.userId();
        EventType type = behaviour.next(session, events);
        int product = behaviour.product();
        row.clear().time(time).comma()
                .text(typeText[type.ordinal()]).comma()
                .number(catalog.productId(product)).comma()
                .text(catalog.categoryText(product)).comma()
                .text(catalog.brandText(product)).comma()
                .cents(behaviour.priceCents()).comma()
                .number(userId).comma()
                .text(session.sessionId());
        if (!session.started()) {
            unstartedSessions--;
        }
        if (session.advance(events)) {
            active.topMoved();
        } else {
            active.removeTop();
        }
        lastTime = time;
        return type;
    }

    private ClickSession sessionWithNextEvent() {
        while (active.isEmpty()
                || (active.size() < options.maxActiveSessions() && isBehindSchedule(active.top().nextTime()))) {
            long start = Math.max(lastTime, clock.timeAt(promisedRows() / rowsWanted));
            active.add(starter.start(start, events));
            sessions++;
            unstartedSessions++;
        }
        return active.top();
    }

    /** Whether, at {@code time}, the rows written and owed would lag behind the traffic the clock expects. */
    private boolean isBehindSchedule(long time) {
        return promisedRows() < rowsWanted * clock.trafficBefore(time);
    }

    /** Rows written plus the first rows of sessions admitted but not started. */
    private long promisedRows() {
        return rows + unstartedSessions;
    }

    private ClickstreamSummary summary() {
        Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            byType.put(type, eventCounts[type.ordinal()]);
        }
        Map<BadRowKind, Long> byKind = new EnumMap<>(BadRowKind.class);
        for (BadRowKind kind : BAD_ROW_KINDS) {
            byKind.put(kind, badCounts[kind.ordinal()]);
        }
        Instant last = rows == 0 ? null : Instant.ofEpochSecond(lastRowTime);
        return new ClickstreamSummary(rows, byType, duplicates, byKind, sessions, options.cutLastLine(),
                sink.bytesWritten(), firstEventTime, last);
    }
}
