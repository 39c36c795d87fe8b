package dev.clicklake.contracts.clickstream;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Command line for {@link ClickstreamGenerator}; needs nothing but the JDK. Writes the file to
 * {@code --out} (or standard output for {@code -}) and a summary to standard error. Exit status:
 * 0 done, 1 I/O failure, 2 usage error.
 */
public final class GenerateClickstream {

    private static final String USAGE = """
            Usage: GenerateClickstream --out FILE|- [options]
              --out FILE|-            where to write the CSV file; - for standard output
              --rows N                data lines, duplicates and bad rows included (default 1000000)
              --seed S                random seed; same seed and options, same bytes (default 46)
              --start YYYY-MM-DD      first day of the time window, UTC (default 2019-10-01)
              --days N                days in the time window (default 31)
              --catalog-size N        number of products (default 167000)
              --remove-from-cart-share X
                                      share of remove_from_cart events (default 0, as in REES46 electronics)
              --bad-rows N            broken rows to inject, one BadRowKind after another (default 0)
              --no-header             leave out the header line
              --crlf                  end lines with CRLF instead of LF
              --no-final-newline      leave the last line without a line ending
              --cut-last-line         add a last line cut mid-field, like the truncated real file
              --gzip                  gzip the output
              --help                  print this help
            """;

    private GenerateClickstream() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new FileOutputStream(FileDescriptor.out), System.err));
    }

    /** Runs the command with the given standard output and error; returns the exit status. */
    static int run(String[] args, OutputStream stdout, PrintStream stderr) {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            stderr.print(USAGE);
            return 2;
        }
        if (command.help) {
            stderr.print(USAGE);
            return 0;
        }
        long started = System.nanoTime();
        ClickstreamSummary summary;
        try (OutputStream out = open(command.out, command.gzip, stdout)) {
            summary = new ClickstreamGenerator(command.options).generate(out);
        } catch (IOException e) {
            stderr.println("error: cannot write " + command.out + ": " + e.getMessage());
            return 1;
        }
        printSummary(summary, command.out, System.nanoTime() - started, stderr);
        return 0;
    }

    private static OutputStream open(String out, boolean gzip, OutputStream stdout) throws IOException {
        OutputStream stream = out.equals("-") ? stdout : Files.newOutputStream(Path.of(out));
        return gzip ? new GZIPOutputStream(stream, 1 << 16) : stream;
    }

    private static void printSummary(ClickstreamSummary summary, String out, long nanos, PrintStream stderr) {
        double seconds = nanos / 1e9;
        stderr.printf(Locale.ROOT, "wrote %,d rows to %s: %,.1f MB in %.2f s (%,.0f rows/s, %,.1f MB/s)%n",
                summary.rows(), out, summary.bytes() / 1e6, seconds, summary.rows() / seconds,
                summary.bytes() / 1e6 / seconds);
        stderr.printf(Locale.ROOT, "  events %s .. %s, %,d sessions%n",
                summary.firstEventTime(), summary.lastEventTime(), summary.sessions());
        StringBuilder types = new StringBuilder("  good rows by type:");
        summary.eventTypes().forEach((type, count) -> types.append(String.format(Locale.ROOT, " %s %,d", type.wireName(), count)));
        stderr.println(types);
        stderr.printf(Locale.ROOT, "  duplicate rows %,d, bad rows %,d %s%s%n", summary.duplicateRows(),
                summary.badRowCount(), summary.badRowCount() == 0 ? "" : summary.badRows(),
                summary.cutLastLine() ? ", plus a cut last line" : "");
    }

    /** The parsed arguments. */
    private static final class CommandLine {
        private final ClickstreamOptions.Builder builder = ClickstreamOptions.builder();
        private ClickstreamOptions options;
        private String out;
        private boolean gzip;
        private boolean help;

        static CommandLine parse(String[] args) {
            CommandLine command = new CommandLine();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                switch (flag) {
                    case "--help", "-h" -> command.help = true;
                    case "--no-header" -> command.builder.header(false);
                    case "--crlf" -> command.builder.lineEnding(LineEnding.CRLF);
                    case "--no-final-newline" -> command.builder.finalNewline(false);
                    case "--cut-last-line" -> command.builder.cutLastLine(true);
                    case "--gzip" -> command.gzip = true;
                    case "--out" -> command.out = value(args, ++i, flag);
                    case "--rows" -> command.builder.rows(number(args, ++i, flag));
                    case "--seed" -> command.builder.seed(number(args, ++i, flag));
                    case "--days" -> command.builder.days(wholeInt(args, ++i, flag));
                    case "--catalog-size" -> command.builder.catalogSize(wholeInt(args, ++i, flag));
                    case "--bad-rows" -> command.builder.badRows(number(args, ++i, flag));
                    case "--remove-from-cart-share" -> command.builder.removeFromCartShare(share(args, ++i, flag));
                    case "--start" -> command.builder.startDate(date(args, ++i, flag));
                    default -> throw new IllegalArgumentException("unknown argument " + flag);
                }
            }
            if (command.help) {
                return command;
            }
            if (command.out == null) {
                throw new IllegalArgumentException("--out is required");
            }
            command.options = command.builder.build();
            return command;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static long number(String[] args, int i, String flag) {
            String text = value(args, i, flag).replace("_", "");
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a whole number, not " + args[i]);
            }
        }

        private static int wholeInt(String[] args, int i, String flag) {
            long value = number(args, i, flag);
            if (value != (int) value) {
                throw new IllegalArgumentException(flag + " is too large: " + args[i]);
            }
            return (int) value;
        }

        private static double share(String[] args, int i, String flag) {
            try {
                return Double.parseDouble(value(args, i, flag));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number such as 0.05, not " + args[i]);
            }
        }

        private static LocalDate date(String[] args, int i, String flag) {
            try {
                return LocalDate.parse(value(args, i, flag));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(flag + " needs a date as YYYY-MM-DD, not " + args[i]);
            }
        }
    }
}
