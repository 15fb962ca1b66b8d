package org.widenets.kernel;

/**
 * An activation without a closed-form kernel; an implementation only supplies φ, φ′ and its kinks.
 *
 * <p><b>Smooth φ</b> ({@link #kinks()} empty): T and Ṫ are Mehler series in ρ = q12/√(q11 q22),
 * T = Σₖ cₖ(q11)cₖ(q22)ρᵏ and Ṫ = Σₖ dₖ(q11)dₖ(q22)ρᵏ, with the Hermite coefficients of φ and φ′
 * ({@link HermiteExpansion}) truncated where the Cauchy–Schwarz bound on the tail is ≤ 1e-12 of
 * √(E[φ(u)²]E[φ(v)²]). The coefficients of each variance are memoised per activation (an implementation
 * detail of bounded size), so a kernel-matrix entry costs one pass over a few dozen terms instead
 * of ≈2·10⁴ evaluations of φ (and a row of a kernel matrix runs its entries side by side in SIMD loops). Where the bound would need more than {@link HermiteExpansion#MAX_DEGREE}
 * terms (large variances at |ρ| near 1: tanh's coefficients decay like e^{−π√(2k)/(2√q)}) the map
 * falls back to the quadrature below.
 *
 * <p><b>Kinked φ</b>, and the fallback: kink-aware 2-D Gaussian quadrature of the defining expectations
 * ({@link GaussianQuadrature#activations()}, ≈1e-12 relative, about 2·10⁴ evaluations of φ, ≈0.5 ms).
 * The diagonals are 1-D quadrature (for smooth φ the memoised rule of the Hermite coefficients).
 */
public interface QuadratureActivation extends Activation {

    @Override
    default double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double[] out = new double[2];
        if (HermiteCache.of(this).tAndTDot(this, q11, q12, q22, out, true, false) != 0) {
            return out[0];
        }
        return GaussianQuadrature.activations().t(this, q11, q12, q22);
    }

    @Override
    default double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double[] out = new double[2];
        if (HermiteCache.of(this).tAndTDot(this, q11, q12, q22, out, false, true) != 0) {
            return out[1];
        }
        return GaussianQuadrature.activations().tDot(this, q11, q12, q22);
    }

    /** T and Ṫ from one lookup of the two expansions; either map the series cannot bound by 2-D quadrature. */
    @Override
    default void tAndTDot(double q11, double q12, double q22, double[] out) {
        Checks.covariance(q11, q12, q22);
        HermiteCache cache = HermiteCache.of(this);
        if (cache.smooth()) {
            cache.seriesOrQuadrature(this, cache.get(this, q11, 0, HermiteCache.INITIAL_DEGREE), q11, q12, q22, out);
        } else {
            out[0] = GaussianQuadrature.activations().t(this, q11, q12, q22);
            out[1] = GaussianQuadrature.activations().tDot(this, q11, q12, q22);
        }
    }

    /** One row against a block of columns: for smooth φ the expansion of q11 is looked up once, not per entry. */
    @Override
    default void tAndTDot(double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        HermiteCache cache = HermiteCache.of(this);
        if (cache.smooth()) {
            cache.block(this, q11, q22, from, q12, ntk12, count);
        } else {
            Activation.super.tAndTDot(q11, q22, from, q12, ntk12, count);
        }
    }

    /**
     * φ(x), φ′(x), φ(−x) and φ′(−x) into out[0..3], the same numbers as {@link #phi} and {@link #dphi}:
     * what the Hermite coefficients need at each of their ≈ 270 nodes of a symmetric rule, where
     * evaluating φ was most of an expansion's cost. The default calls both at both points; activations
     * whose values share work override it (tanh: odd with φ′ = 1 − φ², one tanh instead of four).
     */
    default void phiAndDphi(double x, double[] out) {
        out[0] = phi(x);
        out[1] = dphi(x);
        out[2] = phi(-x);
        out[3] = dphi(-x);
    }

    /** E[φ(u)²] by 1-D quadrature: for smooth φ the memoised rule of its Hermite coefficients (same accuracy). */
    @Override
    default double diag(double q) {
        HermiteCache cache = HermiteCache.of(this);
        if (cache.smooth()) {
            return cache.get(this, q, 0, HermiteCache.INITIAL_DEGREE).diag();
        }
        return GaussianQuadrature.activations().diag(this, q);
    }

    @Override
    default double diagDot(double q) {
        HermiteCache cache = HermiteCache.of(this);
        if (cache.smooth()) {
            return cache.get(this, q, 0, HermiteCache.INITIAL_DEGREE).diagDot();
        }
        return GaussianQuadrature.activations().diagDot(this, q);
    }

    @Override
    default boolean closedForm() {
        return false;
    }
}
