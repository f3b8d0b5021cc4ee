package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuClockTest {
    @Test
    void readsTheCpuTimeOfARunningProcessFromProc() {
        long pid = ProcessHandle.current().pid();
        long before = CpuClock.processCpuNanos(pid);
        long spin = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spin += i % 7;
        }
        assertTrue(spin > 0);
        assertTrue(before >= 0, "no /proc reading");
        assertTrue(CpuClock.processCpuNanos(pid) >= before);
    }

    @Test
    void anUnknownProcessHasNoCpuTime() {
        assertEquals(-1, CpuClock.processCpuNanos(Integer.MAX_VALUE));
        assertEquals(-1, CpuClock.start(Integer.MAX_VALUE).serverShare());
        assertEquals(-1, CpuClock.start().serverShare());
    }

    @Test
    void aReportGetsTheServersCpuTimePerOperation() {
        BenchReport report =
                new BenchReport(new java.util.LinkedHashMap<>(java.util.Map.of("cyclesPerSecond", 1000L)), false);
        report.withServerCpu(0.5, "cyclesPerSecond");
        assertTrue(report.toJson().contains("\"serverCpuUsPerOp\":500.0"), report.toJson());
    }
}
