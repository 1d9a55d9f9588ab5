package org.parley.server.interop;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one SIPp run reported: exit code (0 only when every call succeeded), the cumulative successful and failed
 * call counters from its statistics file, and its error log and message trace for assertion messages.
 */
record SippResult(String scenario, int exitCode, long successfulCalls, long failedCalls, String errors,
                  String messages, String screen) {

    private static final int TRACE_LIMIT = 12_000;

    static SippResult read(String scenario, int exitCode, Path errors, Path messages, Path stats, Path screen) {
        long[] counters = counters(SippRunner.readOrEmpty(stats));
        return new SippResult(scenario, exitCode, counters[0], counters[1], SippRunner.readOrEmpty(errors),
                SippRunner.readOrEmpty(messages), SippRunner.readOrEmpty(screen));
    }

    /** SuccessfulCall(C) and FailedCall(C) from the last line of SIPp's {@code -trace_stat} CSV; -1 when absent. */
    private static long[] counters(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return new long[] {-1, -1};
        }
        List<String> header = Arrays.asList(lines.get(0).split(";", -1));
        String[] last = lines.get(lines.size() - 1).split(";", -1);
        return new long[] {value(header, last, "SuccessfulCall(C)"), value(header, last, "FailedCall(C)")};
    }

    private static long value(List<String> header, String[] row, String column) {
        int i = header.indexOf(column);
        if (i < 0 || i >= row.length) {
            return -1;
        }
        try {
            return Long.parseLong(row[i].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The messages SIPp received whose first line starts with {@code startLine}, from its message trace. */
    List<String> received(String startLine) {
        return Arrays.stream(messages.split("(?m)^-{20,}[^\n]*\n"))
                .filter(block -> block.contains("message received"))
                .map(block -> block.substring(block.indexOf('\n') + 1).strip())
                .filter(m -> m.startsWith(startLine))
                .toList();
    }

    /** True when SIPp exited 0 with exactly one successful and no failed call. */
    boolean oneCallSucceeded() {
        return exitCode == 0 && successfulCalls == 1 && failedCalls == 0;
    }

    /** Everything a reader of a failed test needs: counters, SIPp's error log, and the SIP messages exchanged. */
    String describe() {
        return "sipp " + scenario + ": exit code " + exitCode
                + (exitCode == -999 ? " (killed: did not finish in time)" : "")
                + ", successful calls " + successfulCalls + ", failed calls " + failedCalls
                + "\n--- sipp error log ---\n" + (errors.isBlank() ? "(empty)" : tail(errors))
                + "\n--- SIP messages seen by sipp ---\n" + (messages.isBlank() ? "(none)" : tail(messages))
                + (errors.isBlank() && messages.isBlank() ? "\n--- sipp output ---\n" + tail(screen) : "");
    }

    private static String tail(String s) {
        return s.length() <= TRACE_LIMIT ? s : "...(" + (s.length() - TRACE_LIMIT) + " chars cut)...\n"
                + s.substring(s.length() - TRACE_LIMIT);
    }
}
