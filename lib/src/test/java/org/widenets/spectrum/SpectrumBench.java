package org.widenets.spectrum;

import java.util.Arrays;
import java.util.Locale;
import org.widenets.kernel.Elu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

/**
 * Benchmark (not a test): Mercer eigenvalues μ_0 … μ_200 of the NTK of a depth-4 ELU network (4 hidden
 * layers, σ_w² = σ_b² = 1, inputs on S² ⊂ ℝ³). Run after {@code mvn -o package} from the repository root:
 * <pre>
 *   java -cp lib/target/test-classes:lib/target/classes:'lib/target/dependency/*' org.widenets.spectrum.SpectrumBench [repeats]
 * </pre>
 * Prints the wall time of each repeat after two warm-up runs, and the median.
 */
public final class SpectrumBench {

    private SpectrumBench() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Network net = Mlp.builder().activation(new Elu(1)).depth(4).weightVariance(1).biasVariance(1)
                .inputScaling(InputScaling.SUM).build();
        SphereKernel kernel = new SphereKernel(net, 3, KernelType.NTK);
        MercerSpectrum s = null;
        for (int w = 0; w < 2; w++) {
            s = MercerSpectrum.of(kernel, 200);
        }
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            s = MercerSpectrum.of(kernel, 200);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s%n", r, seconds[r]);
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "ELU(1) depth-4 NTK on S², ℓ ≤ 200: median %.3f s over %d repeats, %d processors%n",
                seconds[repeats / 2], repeats, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "last resolved ℓ = %d, decay %s%n", s.lastResolved(), s.decay(16, 200));
    }
}
