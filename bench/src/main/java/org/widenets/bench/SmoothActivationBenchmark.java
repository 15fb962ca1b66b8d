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
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.CustomActivation;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;
import org.widenets.kernel.Silu;
import org.widenets.kernel.Tanh;

/**
 * Smooth activations without a closed form (Hermite-series path of QuadratureActivation) against ReLU
 * and against the old 2-D quadrature path, on the issue-4 workload: NNGP + NTK matrices of an MLP of
 * depth 10 (σ_w² = 2, σ_b² = 0.1) on N standard-normal inputs, symmetric case.
 *
 * <p>{@code Tanh-quadrature} is tanh as a {@link CustomActivation} with a declared kink at x = 40, where
 * nothing happens: it takes the 2-D kink-aware quadrature that every smooth activation used before the
 * series (run it at a small N and compare per computed entry, N(N+1)/2).
 *
 * <p>Every iteration draws new inputs (seeded by the iteration number), so the memo of Hermite
 * coefficients starts cold for the new variances, as in a first computation.
 *
 * <pre>
 *   java -cp bench/target/classes:bench/target/dependency/* org.openjdk.jmh.Main SmoothActivationBenchmark \
 *        -p n=500 -p activation=ReLU,Tanh,SiLU
 *   ... -p n=16 -p activation=Tanh-quadrature,Tanh
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class SmoothActivationBenchmark {

    private static final int DEPTH = 10;

    @Param({"500"})
    public int n;

    @Param({"8"})
    public int d;

    @Param({"ReLU", "Tanh", "SiLU"})
    public String activation;

    private Network network;
    private DMatrixRMaj x;
    private long draws;

    @Setup(Level.Trial)
    public void build() {
        Activation f = switch (activation) {
            case "ReLU" -> AbRelu.relu();
            case "Tanh" -> new Tanh();
            case "SiLU" -> new Silu();
            case "Tanh-quadrature" -> new CustomActivation("tanh by 2-D quadrature", Math::tanh,
                    v -> 1 - Math.tanh(v) * Math.tanh(v), 40.0);
            default -> throw new IllegalArgumentException("activation '" + activation
                    + "' is not in this benchmark; known: ReLU, Tanh, SiLU, Tanh-quadrature");
        };
        network = Mlp.builder().activation(f).depth(DEPTH).weightVariance(2.0).biasVariance(0.1).build();
    }

    @Setup(Level.Iteration)
    public void drawInputs() {
        Random random = new Random(20240601L + draws++);
        x = new DMatrixRMaj(n, d);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = random.nextGaussian();
        }
    }

    /** The symmetric NNGP and NTK matrices of the N inputs. */
    @Benchmark
    public KernelMatrices nngpAndNtk() {
        return network.matrices(x, x);
    }
}
