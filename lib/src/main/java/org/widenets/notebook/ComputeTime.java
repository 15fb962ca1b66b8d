package org.widenets.notebook;

/**
 * How long a cached result took to compute: wall-clock seconds and the JVM's CPU seconds (all threads) over
 * the same interval. CPU time is the load-independent figure on a shared machine; wall time divided by CPU
 * time shows how much of the machine the computation had.
 */
public record ComputeTime(double wallSeconds, double cpuSeconds) {

    public static final ComputeTime ZERO = new ComputeTime(0, 0);

    public ComputeTime {
        if (!(wallSeconds >= 0) || !(cpuSeconds >= 0) || Double.isInfinite(wallSeconds) || Double.isInfinite(cpuSeconds)) {
            throw new IllegalArgumentException("wallSeconds and cpuSeconds must be finite and >= 0, got "
                    + wallSeconds + ", " + cpuSeconds);
        }
    }

    public ComputeTime plus(ComputeTime other) {
        return new ComputeTime(wallSeconds + other.wallSeconds, cpuSeconds + other.cpuSeconds);
    }

    @Override
    public String toString() {
        if (wallSeconds < 120) return String.format("%.1f s wall, %.1f s CPU", wallSeconds, cpuSeconds);
        return String.format("%.1f min wall, %.1f min CPU", wallSeconds / 60, cpuSeconds / 60);
    }
}
