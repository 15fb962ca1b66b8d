package org.widenets.gp;

import java.util.List;

/**
 * A GP kernel indexed by positive hyperparameters θ (e.g. signal variance and lengthscales), with box
 * bounds, for {@link MarginalLikelihoodFit}. Hyperparameters are searched on a log scale.
 */
public interface KernelFamily {

    /** Names of the hyperparameters, e.g. ["s²", "ℓ1", …]. */
    List<String> names();

    /** Lower bounds, &gt; 0. */
    double[] lower();

    /** Upper bounds. */
    double[] upper();

    /** A sensible starting point for standardised data of dimension {@code d}. */
    double[] start();

    /** The kernel at θ. */
    GpKernel at(double[] theta);

    /** Whether {@link #evidenceGradient} is implemented (then the fit uses gradients). */
    default boolean hasGradient() {
        return false;
    }

    /**
     * g_k = ½ Σ_ij W_ij ∂K_ij/∂log θ_k for a symmetric W: with W = ααᵀ − A⁻¹ this is
     * ∂ log p(y)/∂ log θ_k (Rasmussen &amp; Williams 2006, eq. 5.9).
     */
    default double[] evidenceGradient(double[] theta, double[][] x, org.ejml.data.DMatrixRMaj w) {
        throw new UnsupportedOperationException(this + " has no analytic evidence gradient");
    }

    /** The ARD RBF family over d inputs: θ = (s², ℓ_1, …, ℓ_d), s² ∈ [1e-3, 1e2], ℓ ∈ [1e-2, 1e3], start (1, √d, …). */
    static KernelFamily ardRbf(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be ≥ 1, got " + d);
        }
        return new KernelFamily() {
            @Override
            public List<String> names() {
                java.util.ArrayList<String> n = new java.util.ArrayList<>();
                n.add("s²");
                for (int i = 1; i <= d; i++) n.add("ℓ" + i);
                return n;
            }

            @Override
            public double[] lower() {
                double[] b = new double[d + 1];
                java.util.Arrays.fill(b, 1e-2);
                b[0] = 1e-3;
                return b;
            }

            @Override
            public double[] upper() {
                double[] b = new double[d + 1];
                java.util.Arrays.fill(b, 1e3);
                b[0] = 1e2;
                return b;
            }

            @Override
            public double[] start() {
                double[] s = new double[d + 1];
                java.util.Arrays.fill(s, Math.sqrt(d));
                s[0] = 1;
                return s;
            }

            @Override
            public GpKernel at(double[] theta) {
                return new ArdRbf(theta[0], java.util.Arrays.copyOfRange(theta, 1, d + 1));
            }

            @Override
            public boolean hasGradient() {
                return true;
            }

            /** ∂K/∂log s² = K, ∂K_ij/∂log ℓ_k = K_ij (x_ik − x_jk)²/ℓ_k². */
            @Override
            public double[] evidenceGradient(double[] theta, double[][] x, org.ejml.data.DMatrixRMaj w) {
                int n = x.length;
                double[] inv2 = new double[d];
                for (int k = 0; k < d; k++) inv2[k] = 1 / (theta[k + 1] * theta[k + 1]);
                double[] g = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
                    double[] gi = new double[d + 1];
                    double[] r = new double[d];
                    for (int j = 0; j <= i; j++) {
                        double r2 = 0;
                        for (int k = 0; k < d; k++) {
                            double t = x[i][k] - x[j][k];
                            r[k] = t * t * inv2[k];
                            r2 += r[k];
                        }
                        double kij = theta[0] * Math.exp(-0.5 * r2) * w.data[i * n + j] * (i == j ? 0.5 : 1);
                        gi[0] += kij;
                        for (int k = 0; k < d; k++) gi[k + 1] += kij * r[k];
                    }
                    return gi;
                }).reduce(new double[d + 1], (a, b) -> {
                    double[] c = new double[d + 1];
                    for (int k = 0; k <= d; k++) c[k] = a[k] + b[k];
                    return c;
                });
                // the loop covered j ≤ i with the diagonal halved: ½ Σ_ij = Σ_{j<i} + ½ Σ_i
                return g;
            }

            @Override
            public String toString() {
                return "ARD RBF family (d = " + d + ")";
            }
        };
    }
}
