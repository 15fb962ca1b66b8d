package org.widenets.gp;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.widenets.data.RegressionSplit;
import org.widenets.data.UciSet;
import org.widenets.kernel.Activation;

/**
 * The hyperparameter selection of Tsuchida et al.'s Figure 6 benchmark (shared/papers/elu-gelu-kernels.md
 * §6.1): every (noise, σ_{b0}², σ_{w0}², σ_{w1}²) of a grid is fitted on the tuning split's training rows
 * and scored by the mean validation NLL; the first strict minimum in the loop order
 * noise → σ_{b0}² → σ_{w0}² → σ_{w1}² wins.
 *
 * <p>Cost: σ_{w1}² only scales the kernel and the noise only shifts its diagonal (K = σ_{w1}²·T_φ + σ_n²·I),
 * so T_φ is computed and reduced to tridiagonal form once per (σ_{b0}², σ_{w0}²) and every (σ_{w1}², σ_n²)
 * costs O(n·m) ({@link ScaledKernelGps}) instead of a Cholesky and an n²m triangular solve.
 */
public final class ShallowGridSearch {

    /** The paper's variance grid for σ_{b0}², σ_{w0}², σ_{w1}². */
    public static final double[] PAPER_VARIANCES = {10, 3.5, 3.0, 2.5, 2.0, 1.5, 1.0, 0.5, 0.1};

    private ShallowGridSearch() {
    }

    /** The paper's noise grid: {1e-3, 1e-4, 1e-5} for yacht, energy, naval, wine; {1, 0.1, 0.01} otherwise. */
    public static double[] paperNoises(UciSet set) {
        return switch (set) {
            case YACHT, ENERGY, NAVAL_PROPULSION_PLANT, WINE_QUALITY_RED -> new double[] {1e-3, 1e-4, 1e-5};
            default -> new double[] {1.0, 0.1, 0.01};
        };
    }

    /**
     * A selected setting and its validation NLL (standardised units).
     *
     * @param noiseVariance   σ_n²
     * @param biasVariance0   σ_{b0}²
     * @param weightVariance0 σ_{w0}²
     * @param weightVariance1 σ_{w1}²
     * @param validationNll   mean validation negative log predictive density
     */
    public record Setting(double noiseVariance, double biasVariance0, double weightVariance0, double weightVariance1,
            double validationNll) {
        /** The kernel at this setting. */
        public GpKernel kernel(Activation activation) {
            return NetworkKernel.nngp(PaperKernels.shallow(activation, biasVariance0, weightVariance0, weightVariance1));
        }

        @Override
        public String toString() {
            return String.format("noise %.3g, σ_b0² %.3g, σ_w0² %.3g, σ_w1² %.3g (validation NLL %.4f)", noiseVariance,
                    biasVariance0, weightVariance0, weightVariance1, validationNll);
        }
    }

    /**
     * Searches the grid on {@code tuning} (its training rows fit, its test rows validate).
     *
     * @param progress receives one line per (σ_{b0}², σ_{w0}²) pair; may be null
     */
    public static Setting select(Activation activation, RegressionSplit tuning, double[] noises, double[] variances,
            Consumer<String> progress) {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(tuning, "tuning");
        int nn = noises.length, nv = variances.length;
        if (nn == 0 || nv == 0) {
            throw new IllegalArgumentException("empty grid");
        }
        double[][][][] nll = new double[nn][nv][nv][nv];
        // the (σ_b0², σ_w0²) pairs are independent: two at a time keep both cores busy through the
        // single-threaded tridiagonal reduction
        IntStream.range(0, nv * nv).parallel().forEach(pair -> {
            int b = pair / nv, w = pair % nv;
            GpKernel t = NetworkKernel.nngp(PaperKernels.shallow(activation, variances[b], variances[w], 1));
            ScaledKernelGps family = ScaledKernelGps.of(t.gram(tuning.xTrain()), t.cross(tuning.xTest(),
                    tuning.xTrain()), t.diagonal(tuning.xTest()), tuning.yTrain());
            for (int w1 = 0; w1 < nv; w1++) {
                for (int e = 0; e < nn; e++) {
                    nll[e][b][w][w1] = validationNll(family, variances[w1], noises[e], tuning);
                }
            }
            if (progress != null) {
                progress.accept(String.format("%s grid: σ_b0² = %s, σ_w0² = %s done", activation.name(),
                        variances[b], variances[w]));
            }
        });
        Setting best = null;
        for (int e = 0; e < nn; e++)
            for (int b = 0; b < nv; b++)
                for (int w = 0; w < nv; w++)
                    for (int w1 = 0; w1 < nv; w1++) {
                        double v = nll[e][b][w][w1];
                        if (best == null && Double.isFinite(v) || best != null && v < best.validationNll()) {
                            best = new Setting(noises[e], variances[b], variances[w], variances[w1], v);
                        }
                    }
        if (best == null) {
            throw new IllegalStateException("no grid point of " + activation.name() + " gave a finite validation NLL");
        }
        return best;
    }

    private static double validationNll(ScaledKernelGps family, double scale, double noise, RegressionSplit tuning) {
        try {
            GpPrediction p = family.predict(scale, noise);
            return RegressionScore.of(tuning.yTest(), p.mean(), p.noisyVariance(), 1).nll();
        } catch (NotPositiveDefiniteException e) {
            return Double.NaN;
        }
    }
}
