package org.widenets.fixedpoint;

import java.util.Locale;

/**
 * Where the pre-activation variance q^l of a deep network goes as the depth l grows: to a fixed
 * point, to 0, or to ∞. A typed answer so that callers never see NaN or an overflow exception
 * (shared/papers/elu-gelu-kernels.md §4.3: ELU with σ_w² &lt; 1 vanishes, σ_w² ≥ 2 diverges).
 */
public sealed interface VarianceFate {

    /** Layers iterated before the answer was certain (or the depth budget). */
    int layers();

    /** The last variance computed. */
    double variance();

    /**
     * q^l → q*: the iteration settled (|q^{l+1} − q^l| ≤ 1e-13·q^l) and q* was refined by Brent's method,
     * or, with {@code reached} false, it was still approaching the nearest fixed point when the depth
     * budget ran out (marginal, algebraic convergence).
     */
    record ToFixedPoint(VarianceFixedPoint fixedPoint, int layers, boolean reached) implements VarianceFate {
        @Override
        public double variance() {
            return fixedPoint.q();
        }

        @Override
        public String toString() {
            return (reached ? "q → " : "q approaching ") + fixedPoint
                    + String.format(Locale.ROOT, " after %d layers", layers);
        }
    }

    /**
     * q^l → 0. {@code leftRange}: q fell below the search range's lower end within the depth budget,
     * shrinking by {@code ratio} = V(q)/q per layer at the end; otherwise it was still falling after the
     * whole budget and no fixed point lies between it and 0 (algebraic decay).
     */
    record ToZero(int layers, double variance, double ratio, boolean leftRange) implements VarianceFate {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "q → 0 (%s): q = %.3g after %d layers, ×%.6g per layer",
                    leftRange ? "left the search range" : "slowly, no fixed point below", variance, layers, ratio);
        }
    }

    /** q^l → ∞, the mirror image of {@link ToZero}. */
    record ToInfinity(int layers, double variance, double ratio, boolean leftRange) implements VarianceFate {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "q → ∞ (%s): q = %.3g after %d layers, ×%.6g per layer",
                    leftRange ? "left the search range" : "slowly, no fixed point above", variance, layers, ratio);
        }
    }
}
