package io.switchboard.server.bench;

import java.lang.management.ManagementFactory;

/**
 * The benchmark process's own CPU time over a wall-clock interval, so a saturated load generator shows: a share of
 * 1.0 is one core fully busy. Reads {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}.
 */
final class CpuClock {
    private final long cpuStart;
    private final long wallStart;

    private CpuClock(long cpuStart, long wallStart) {
        this.cpuStart = cpuStart;
        this.wallStart = wallStart;
    }

    /** Starts measuring now. */
    static CpuClock start() {
        return new CpuClock(cpuNanos(), System.nanoTime());
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
