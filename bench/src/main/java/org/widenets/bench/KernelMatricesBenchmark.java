package org.widenets.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
import org.widenets.kernel.Network;

/**
 * NNGP + NTK matrices of an MLP of depth 10 on N standard-normal inputs of dimension d (symmetric
 * case, x′ = x): the workload of the issue-4 benchmark. bench/numpy_baseline.py times the same
 * recursion in numpy with the same parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"}, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelMatricesBenchmark {

    /** Depth L of the benchmark networks. */
    public static final int DEPTH = 10;

    @Param({"2000", "4000"})
    public int n;

    @Param({"8", "784"})
    public int d;

    /**
     * ELU and Tanh (microseconds per entry) are compared with ReLU at N = 500 in
     * {@link ActivationRatioBenchmark}; at N = 4000 they would take far longer than the whole grid here.
     */
    @Param({"ReLU", "GELU"})
    public String activation;

    private Network network;
    private DMatrixRMaj x;

    @Setup
    public void setUp() {
        network = BenchActivations.byName(activation).network(DEPTH);
        x = inputs(n, d, 20240601L);
    }

    /** N×d standard-normal inputs from the given seed. */
    static DMatrixRMaj inputs(int n, int d, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = random.nextGaussian();
        }
        return x;
    }

    /** The symmetric NNGP and NTK matrices of the N inputs. */
    @Benchmark
    public KernelMatrices nngpAndNtk() {
        return network.matrices(x, x);
    }
}
