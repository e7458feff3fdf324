package dev.tender.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux's /proc tells about a process: CPU time used, resident memory now and at its peak
 * ({@code VmHWM}), and its children (PostgreSQL's backends are children of the postmaster).
 */
final class ProcStat {

    /** Clock ticks per second of /proc/<pid>/stat's times: 100 on Linux unless the kernel says otherwise. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStat() {
    }

    /** User + system CPU seconds of the process so far; 0 when it is gone. */
    static double cpuSeconds(long pid) {
        // /proc/<pid>/stat fields 14 and 15: utime, stime
        return ticks(pid, 11, 12);
    }

    /**
     * CPU seconds of the process, of its children that have ended (the kernel adds them to the parent's
     * {@code cutime}/{@code cstime} when it reaps them: PostgreSQL's postmaster reaps its backends and
     * autovacuum workers) and of every descendant now alive. A child that ends between two readings is
     * counted once, not lost.
     */
    static double treeCpuSeconds(long pid) {
        // fields 16 and 17: cutime, cstime
        return cpuSeconds(pid) + ticks(pid, 13, 14) + ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToDouble(child -> cpuSeconds(child.pid()))
                .sum();
    }

    /** Two clock-tick fields of /proc/<pid>/stat, counted from the state (field 3), in seconds; 0 when gone. */
    private static double ticks(long pid, int first, int second) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return 0;
        }
        // the command name (field 2) may hold spaces and parentheses: the fields after it start at its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[first]) + Long.parseLong(fields[second])) / TICKS_PER_SECOND;
    }

    /** Resident set size now, in kB. */
    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** The highest resident set size the process has had, in kB. */
    static long peakRssKb(long pid) {
        return statusField(pid, "VmHWM:");
    }

    private static long statusField(long pid, String name) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return 0;
        }
        try (Stream<String> lines = status.lines()) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.substring(name.length()).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return null;
        }
    }
}
