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
import org.widenets.kernel.Elu;

/**
 * ELU's T and Ṫ per entry off the Φ₂ route (a variance below 0.01 or above 12), where the kernel is a
 * 1-D integral of closed-form conditional expectations: over vector lanes (the default, the module
 * present) against the scalar code (the same JVM options plus {@code -Dwidenets.vector=false}), on the
 * same 1024 entries in the same JMH run; the ratio is the speed-up, absolute times depend on the load.
 * Entries: variances in [12.5, 1000] ("large", the deep-network case), in [1e-6, 0.01] ("small"), or
 * large with 1 − |ρ| down to 1e-12 ("nearOne", the most graded levels); ρ uniform on (−1, 1) otherwise.
 * <pre>
 *   java -cp bench/target/classes:bench/target/dependency/* org.openjdk.jmh.Main EluIntegralsBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@OperationsPerInvocation(EluIntegralsBenchmark.COUNT)
public class EluIntegralsBenchmark {

    static final int COUNT = 1024;

    @Param({"large", "small", "nearOne"})
    public String variances;

    private final double[] q11 = new double[COUNT], q12 = new double[COUNT], q22 = new double[COUNT];
    private final double[] out = new double[2];
    private final Elu elu = new Elu(1);

    @Setup
    public void draw() {
        Random random = new Random(20240601L);
        double low = variances.equals("small") ? 1e-6 : 12.5, high = variances.equals("small") ? 0.01 : 1000;
        for (int i = 0; i < COUNT; i++) {
            q11[i] = Math.exp(Math.log(low) + Math.log(high / low) * random.nextDouble());
            q22[i] = Math.exp(Math.log(low) + Math.log(high / low) * random.nextDouble());
            double rho = variances.equals("nearOne")
                    ? (random.nextBoolean() ? 1 : -1) * (1 - Math.pow(10, -12 * random.nextDouble()))
                    : 2 * random.nextDouble() - 1;
            q12[i] = rho * Math.sqrt(q11[i] * q22[i]);
        }
    }

    private double run() {
        double sum = 0;
        for (int i = 0; i < COUNT; i++) {
            elu.tAndTDot(q11[i], q12[i], q22[i], out);
            sum += out[0] + out[1];
        }
        return sum;
    }

    /** Over vector lanes (VectorEluIntegrals). */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx1g", "--add-modules=jdk.incubator.vector"})
    public double vector() {
        return run();
    }

    /** The scalar EluConditionalIntegrals: the module is there, the switch keeps the scalar code. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx1g", "--add-modules=jdk.incubator.vector", "-Dwidenets.vector=false"})
    public double scalar() {
        return run();
    }
}
