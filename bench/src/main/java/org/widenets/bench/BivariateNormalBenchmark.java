package org.widenets.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.widenets.kernel.BivariateNormal;

/**
 * Φ₂ per evaluation: the scalar {@link BivariateNormal#cdf(double, double, double)} one by one against the
 * batch {@link BivariateNormal#cdf(double[], double[], double[], double[])} over vector lanes, on the same
 * 4096 arguments in the same run (the ratio is the speed-up; absolute times depend on the machine's load).
 * Correlations: uniform on (−1, 1) ("mixed"), Plackett's branch only (|ρ| &lt; 0.925, "low"), or the
 * expansion branch only (|ρ| ≥ 0.925, "high"); limits h, k ~ N(0, 2²).
 * <pre>
 *   java -cp bench/target/classes:bench/target/dependency/* org.openjdk.jmh.Main BivariateNormalBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"}, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@OperationsPerInvocation(BivariateNormalBenchmark.COUNT)
public class BivariateNormalBenchmark {

    static final int COUNT = 4096;

    @Param({"mixed", "low", "high"})
    public String correlations;

    private final double[] h = new double[COUNT], k = new double[COUNT], rho = new double[COUNT],
            out = new double[COUNT];

    @Setup
    public void draw() {
        Random random = new Random(20240601L);
        for (int i = 0; i < COUNT; i++) {
            h[i] = 2 * random.nextGaussian();
            k[i] = 2 * random.nextGaussian();
            double u = random.nextDouble();
            double magnitude = switch (correlations) {
                case "low" -> 0.925 * u;
                case "high" -> 0.925 + 0.075 * u;
                default -> u;
            };
            rho[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
    }

    /** The scalar BVND, one evaluation at a time. */
    @Benchmark
    public double[] scalar() {
        for (int i = 0; i < COUNT; i++) {
            out[i] = BivariateNormal.cdf(h[i], k[i], rho[i]);
        }
        return out;
    }

    /** The batch method: over vector lanes when jdk.incubator.vector is present. */
    @Benchmark
    public double[] batch() {
        BivariateNormal.cdf(h, k, rho, out);
        return out;
    }
}
