package org.widenets.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

/**
 * The issue-4 workload (NNGP + NTK, depth 10, symmetric N×N) for every benchmark activation at one
 * moderate N, so that ELU and Tanh — whose entries cost microseconds, not nanoseconds — are measured at a
 * real matrix size and compared with ReLU <em>at the same N and d, in the same run</em> (bench/report.py
 * prints the ratios against the targets GELU, ELU ≤ 5× ReLU and Tanh ≤ 20×). N = 500 gives 125 250
 * upper-triangle entries per layer: many parallel blocks and the spread of correlations of a real matrix,
 * and Tanh's once-per-input Hermite expansions weigh per entry about as they do at N = 2000–4000 within a
 * factor of 4–8 (they are O(N) against the O(N²) entries), at a few seconds per ELU matrix.
 *
 * <p>Average time over fixed-length iterations rather than single shots, so that the ReLU matrix (a few
 * milliseconds) runs hundreds of times and is JIT-compiled before it is measured, like the slow ones.
 * Every invocation draws new inputs (seeded by the invocation number): Tanh's memo of Hermite expansions
 * (keyed by the exact variances) starts cold, as in a first computation, rather than replaying the
 * previous invocation's variances.
 *
 * <p>Beyond the default four, {@code -p activation=SiLU} and {@code -p activation=Tanh-quadrature} (tanh
 * through the old 2-D quadrature path; use a small N such as {@code -p n=32}) measure what the Hermite
 * series gained:
 * <pre>
 *   java -cp bench/target/classes:bench/target/dependency/* org.openjdk.jmh.Main ActivationRatioBenchmark \
 *        -p n=32 -p d=8 -p activation=ReLU,Tanh,Tanh-quadrature
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"}, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationRatioBenchmark {

    @Param({"500"})
    public int n;

    @Param({"8", "784"})
    public int d;

    @Param({"ReLU", "GELU", "ELU", "Tanh"})
    public String activation;

    private Network network;
    private DMatrixRMaj x;
    private long draws;

    @Setup(Level.Trial)
    public void build() {
        network = BenchActivations.byName(activation).network(KernelMatricesBenchmark.DEPTH);
    }

    @Setup(Level.Invocation)
    public void drawInputs() {
        x = KernelMatricesBenchmark.inputs(n, d, 20240601L + draws++);
    }

    /** The symmetric NNGP and NTK matrices of the N inputs. */
    @Benchmark
    public KernelMatrices nngpAndNtk() {
        return network.matrices(x, x);
    }
}
