package org.widenets.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.widenets.kernel.KernelMatrices;

/**
 * The same workload for activations whose kernel entry is expensive — ELU (bivariate normal CDFs, or
 * 1-D quadrature near ρ = ±1) and Tanh (2-D quadrature) — at N = 128 (8256 entries of the upper
 * triangle, enough for the parallel blocks and the spread of correlations of a real matrix; N = 2000
 * would take hours): each entry costs about the same at any N, so bench/report.py scales the time by
 * the number of computed entries, N(N+1)/2, to compare with ReLU at N = 2000 and 4000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExpensiveKernelMatricesBenchmark {

    @Param({"128"})
    public int n;

    @Param({"8", "784"})
    public int d;

    @Param({"ELU", "Tanh"})
    public String activation;

    private final KernelMatricesBenchmark workload = new KernelMatricesBenchmark();

    @Setup
    public void setUp() {
        workload.prepare(n, d, activation);
    }

    @Benchmark
    public KernelMatrices nngpAndNtk() {
        return workload.nngpAndNtk();
    }
}
