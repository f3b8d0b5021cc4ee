package io.switchboard.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark process's own CPU time over a wall-clock interval, so a saturated load generator shows: a share of
 * 1.0 is one core fully busy. Reads {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}.
 */
final class CpuClock {
    /** Linux's USER_HZ: /proc/PID/stat counts CPU time in ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long cpuStart;
    private final long wallStart;
    private final long serverPid;
    private final long serverStart;

    private CpuClock(long cpuStart, long wallStart, long serverPid, long serverStart) {
        this.cpuStart = cpuStart;
        this.wallStart = wallStart;
        this.serverPid = serverPid;
        this.serverStart = serverStart;
    }

    /** Starts measuring now. */
    static CpuClock start() {
        return start(0);
    }

    /** Starts measuring now, this process and, when {@code serverPid} is positive, that process too. */
    static CpuClock start(long serverPid) {
        return new CpuClock(cpuNanos(), System.nanoTime(), serverPid, serverPid > 0 ? processCpuNanos(serverPid) : -1);
    }

    /**
     * The server process's CPU time since {@link #start(long)} divided by the wall time, in cores; -1 without a pid
     * or when {@code /proc} cannot tell (10 ms resolution: use runs of seconds).
     */
    double serverShare() {
        long cpu = serverPid > 0 ? processCpuNanos(serverPid) : -1;
        long wall = System.nanoTime() - wallStart;
        return cpu < 0 || serverStart < 0 || wall <= 0 ? -1 : (double) (cpu - serverStart) / wall;
    }

    /** utime + stime of {@code pid} from {@code /proc/PID/stat}, in ns, or -1. */
    static long processCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in field 2 may hold spaces; the fields after its closing parenthesis are plain
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +", -1);
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPU time used since {@link #start()} divided by the wall time, in cores (-1 when unknown). */
    double share() {
        long cpu = cpuNanos();
        long wall = System.nanoTime() - wallStart;
        return cpu < 0 || cpuStart < 0 || wall <= 0 ? -1 : (double) (cpu - cpuStart) / wall;
    }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
