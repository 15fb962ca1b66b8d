package org.widenets.fixedpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;

/**
 * The norm-preserving weight scale σ* for inputs of norm ‖x‖ (no bias): the root of
 * <pre>
 *   g(σ) = E[φ(σ‖x‖Z)²] − ‖x‖²,  Z ~ N(0, 1)
 * </pre>
 * so that with σ_w = σ*, σ_b = 0 and the paper's input convention (q¹ = σ_w²‖x‖²) every layer keeps
 * q^l = q* = (σ*‖x‖)² (Tsuchida et al. 2021, the reference code's g‖x‖(σ);
 * shared/papers/elu-gelu-kernels.md §4.3, §5.4). ReLU: σ* = √2 for every ‖x‖.
 *
 * @param activation φ
 * @param norm       ‖x‖ &gt; 0
 * @param sigma      σ* &gt; 0
 */
public record NormPreservingScale(Activation activation, double norm, double sigma) {

    /** σ is searched on [SIGMA_MIN, SIGMA_MAX] (the paper brackets [0.01, 2]). */
    public static final double SIGMA_MIN = 1e-3, SIGMA_MAX = 100;
    private static final int GRID = 400;

    public NormPreservingScale {
        Objects.requireNonNull(activation, "activation");
        Checks.positive("norm ‖x‖", norm);
        Checks.positive("sigma σ*", sigma);
    }

    /**
     * The smallest σ* in [1e-3, 100] for inputs of norm ‖x‖, or empty when E[φ(σ‖x‖Z)²] never reaches
     * ‖x‖² there (e.g. tanh, erf for ‖x‖ ≥ 1: bounded activations cannot keep a large norm).
     */
    public static Optional<NormPreservingScale> find(Activation activation, double norm) {
        List<NormPreservingScale> all = all(activation, norm);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every root σ* in [1e-3, 100] where g changes sign, increasing. */
    public static List<NormPreservingScale> all(Activation activation, double norm) {
        Objects.requireNonNull(activation, "activation");
        Checks.positive("norm ‖x‖", norm);
        double n2 = norm * norm;
        UnivariateFunction g = s -> activation.diag(s * s * n2) - n2;
        BrentSolver brent = new BrentSolver(1e-15, 1e-15);
        List<NormPreservingScale> roots = new ArrayList<>();
        double step = Math.log(SIGMA_MAX / SIGMA_MIN) / GRID;
        double prevS = SIGMA_MIN, prev = g.value(prevS);
        for (int i = 1; i <= GRID; i++) {
            double s = SIGMA_MIN * Math.exp(step * i);
            double cur = g.value(s);
            if (cur == 0) {
                roots.add(new NormPreservingScale(activation, norm, s));
            } else if (prev != 0 && (prev < 0) != (cur < 0)) {
                roots.add(new NormPreservingScale(activation, norm, brent.solve(500, g, prevS, s)));
            }
            prevS = s;
            prev = cur;
        }
        return roots;
    }

    /** σ*². */
    public double weightVariance() {
        return sigma * sigma;
    }

    /** q* = (σ*‖x‖)², the variance every layer keeps. */
    public double fixedVariance() {
        return weightVariance() * norm * norm;
    }

    /** The layer map at σ_w² = σ*², σ_b² = 0. */
    public KernelMap map() {
        return KernelMap.of(activation, weightVariance(), 0);
    }

    /**
     * λ₃(θ) = σ*² Ṫ(q*, q* cos θ, q*) for each angle θ: the Jacobian eigenvalue of the off-diagonal
     * direction at the norm-preserving fixed point, i.e. the slope C′(cos θ) of the correlation map
     * (the reference code's {@code dynamics.py}; Figure 5, shared/papers/elu-gelu-kernels.md §5.4).
     * ReLU: λ₃ = (π − θ)/π.
     */
    public double[] lambda3(double... angles) {
        Checks.finite("angles", angles);
        KernelMap map = map();
        double q = fixedVariance();
        double[] out = new double[angles.length];
        for (int i = 0; i < angles.length; i++) {
            out[i] = map.correlationSlope(Math.max(-1, Math.min(1, Math.cos(angles[i]))), q);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at ‖x‖ = %.6g: σ* = %.8g (σ*² = %.8g, q* = %.8g)",
                activation.name(), norm, sigma, weightVariance(), fixedVariance());
    }
}
