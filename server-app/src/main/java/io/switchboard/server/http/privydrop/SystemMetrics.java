package io.switchboard.server.http.privydrop;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * The process figures {@code /health/detailed} reports, behind an interface so that tests can fix them. Calls must
 * be cheap and must not block: they run on the event loop.
 */
interface SystemMetrics {
    /** Heap bytes in use. */
    long heapUsed();

    /** The heap's limit in bytes ({@code -Xmx}), at least {@link #heapUsed()}. */
    long heapMax();

    /** This process's recent CPU use in percent of all the machine's cores, 0–100. */
    int cpuPercent();

    /** The operating system in Node's {@code process.platform} words: {@code linux}, {@code darwin}, {@code win32}. */
    String platform();

    /** The CPU architecture in Node's {@code process.arch} words: {@code x64}, {@code arm64}. */
    String arch();

    /** The Java runtime version, e.g. {@code 17.0.12}. */
    String javaVersion();

    /** The running JVM's figures. */
    static SystemMetrics jvm() {
        return new Jvm();
    }

    /** Node's name for an {@code os.name}. */
    static String nodePlatform(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "win32";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        return os.replace(" ", "");
    }

    /** Node's name for an {@code os.arch}. */
    static String nodeArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "ia32";
            default -> osArch;
        };
    }

    /** The figures of the running JVM. */
    final class Jvm implements SystemMetrics {
        private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

        @Override
        public long heapUsed() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        @Override
        public long heapMax() {
            Runtime runtime = Runtime.getRuntime();
            long max = runtime.maxMemory();
            return max == Long.MAX_VALUE ? runtime.totalMemory() : Math.max(max, heapUsed());
        }

        @Override
        public int cpuPercent() {
            if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
                double load = hotspot.getProcessCpuLoad(); // negative when not available
                return load < 0 ? 0 : (int) Math.min(100, Math.round(load * 100));
            }
            return 0;
        }

        @Override
        public String platform() {
            return nodePlatform(System.getProperty("os.name", "unknown"));
        }

        @Override
        public String arch() {
            return nodeArch(System.getProperty("os.arch", "unknown"));
        }

        @Override
        public String javaVersion() {
            return System.getProperty("java.version", "unknown");
        }
    }
}
