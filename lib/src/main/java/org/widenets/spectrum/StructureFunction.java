package org.widenets.spectrum;

import java.util.Objects;
import org.hipparchus.util.CombinatoricsUtils;
import org.widenets.kernel.Checks;

/**
 * The m-th order structure function of a Gaussian process f ~ GP(0, κ(⟨x,y⟩)) along a great circle
 * (shared/papers/rkhs-smoothness.md §2.6):
 * <pre>
 *   S_m(h) = E|Δ_h^m f(x)|² = Σ_{i,j=0}^{m} c_i c_j κ(cos(|i−j| h)),   c_i = (−1)^i C(m, i),
 *   S_m(h) ≍ h^{2k+1}  as h → 0, for m &gt; k + 1/2 (k the activation's degree of non-smoothness).
 * </pre>
 * The slope 2k + 1 says the paths have smoothness k + 1/2 − ε. Computed from κ directly, which is far
 * less noisy than differencing sampled paths; the price is cancellation: S_m(h) is a difference of
 * O(κ(1)) terms, so h must not be so small that it falls below double precision.
 *
 * @param kernel the covariance κ on the sphere (any dimension: a great circle lies in every sphere)
 * @param order  difference order m ≥ 1
 */
public record StructureFunction(SphereKernel kernel, int order) {

    /** S_m(h) must stay above this fraction of Σ|a_r κ(cos rh)|: each term carries ~1e−16 relative round-off, so ≳ 3 digits remain. */
    public static final double CANCELLATION_LIMIT = 1e-13;

    public StructureFunction {
        Objects.requireNonNull(kernel, "kernel");
        Checks.atLeast("difference order m", order, 1);
    }

    /** S_m(h) for a step h ∈ (0, π/m]. */
    public double value(double h) {
        if (!(h > 0 && h * order <= Math.PI)) {
            throw new IllegalArgumentException("step h must lie in (0, π/m] = (0, " + Math.PI / order + "], got " + h);
        }
        double s = 0, size = 0;
        for (int r = 0; r <= order; r++) {
            // Σ_{|i−j| = r} c_i c_j, so only m + 1 kernel values are needed.
            double a = 0;
            for (int i = 0; i + r <= order; i++) {
                a += coefficient(i) * coefficient(i + r);
            }
            if (r > 0) a *= 2;
            double term = a * kernel.value(r == 0 ? 1.0 : Math.cos(r * h));
            s += term;
            size += Math.abs(term);
        }
        if (!(s > CANCELLATION_LIMIT * size)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "step h = %.3g is too small for m = %d: S_m(h) = %.2e cancels below %.0e of its terms (%.2e),"
                            + " double precision cannot resolve it; use a larger h", h, order, s, CANCELLATION_LIMIT, size));
        }
        return s;
    }

    /** Slope of log S_m against log h on {@code points} log-spaced steps in [hMin, hMax]. */
    public LogLogFit slope(double hMin, double hMax, int points) {
        double[] h = logSpaced(hMin, hMax, points), s = new double[points];
        for (int i = 0; i < points; i++) {
            s[i] = value(h[i]);
        }
        return LogLogFit.of(h, s);
    }

    /** The empirical m-th difference structure function of an equispaced periodic path at lag {@code lag} grid steps. */
    public static double empirical(double[] periodicPath, int order, int lag) {
        Checks.atLeast("difference order m", order, 1);
        Checks.atLeast("lag", lag, 1);
        int n = periodicPath.length;
        if (order * lag >= n) {
            throw new IllegalArgumentException("m·lag = " + order * lag + " must be below the path length " + n);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double d = 0;
            for (int i = 0; i <= order; i++) {
                d += coefficientOf(order, i) * periodicPath[(j + i * lag) % n];
            }
            sum += d * d;
        }
        return sum / n;
    }

    /** n log-spaced values from lo to hi. */
    public static double[] logSpaced(double lo, double hi, int n) {
        if (!(lo > 0 && hi > lo) || n < 2) {
            throw new IllegalArgumentException("need 0 < lo < hi and n ≥ 2, got lo = " + lo + ", hi = " + hi + ", n = " + n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, i / (n - 1.0));
        }
        return x;
    }

    private double coefficient(int i) {
        return coefficientOf(order, i);
    }

    private static double coefficientOf(int m, int i) {
        return ((i & 1) == 0 ? 1 : -1) * CombinatoricsUtils.binomialCoefficientDouble(m, i);
    }
}
