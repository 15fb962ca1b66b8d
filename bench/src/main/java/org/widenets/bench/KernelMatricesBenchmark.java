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
 * recursion in numpy with the same parameters (ReLU, GELU); ELU and Tanh are compared with ReLU at the same
 * N and d.
 *
 * <p>Three warm-up shots: the first shot of a fork also compiles the Vector API code, and until C2 has
 * compiled it the vector operations run boxed, tens of times slower (ELU at N = 1000: 3.2 s for the first
 * matrix, 0.3 s from the third on; one warm-up shot left ELU's measured shots 1.5–2× too slow).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
// the module turns on the Vector API input Gram (org.widenets.kernel.VectorGram); BenchActivations checks it
@Fork(value = 1, jvmArgs = {"-Xmx6g", "--add-modules=jdk.incubator.vector"})
public class KernelMatricesBenchmark {

    /** Depth L of the benchmark networks. */
    public static final int DEPTH = 10;

    @Param({"2000", "4000"})
    public int n;

    @Param({"8", "784"})
    public int d;

    /**
     * The four activations of the issue, each compared with ReLU at the same N and d (bench/report.py):
     * ELU ≈ 1 s and Tanh ≈ 0.5–0.8 s per matrix at N = 2000, four times that at 4000.
     */
    @Param({"ReLU", "GELU", "ELU", "Tanh"})
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
