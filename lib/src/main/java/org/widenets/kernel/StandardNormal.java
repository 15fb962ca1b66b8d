package org.widenets.kernel;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Erf;

/**
 * The standard normal density φ, distribution function Φ and the scaled complementary error function
 * erfcx(x) = e^{x²} erfc(x), one place for the kernels that need them (ELU, bivariate normal CDF).
 *
 * <p>erfc comes from Hipparchus; erfcx is written here because Hipparchus has none and the ELU
 * kernel needs e^{t²/2}Φ(−t) = ½ erfcx(t/√2) for t far beyond the point where erfc underflows
 * (shared/papers/elu-gelu-kernels.md §2, pitfall P2).
 */
final class StandardNormal {

    static final double SQRT_2 = Math.sqrt(2);
    static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    static final double SQRT_PI = Math.sqrt(Math.PI);

    /** Beyond this erfc(x) is computed as erfcx(x)·e^{−x²} would underflow; switch to the asymptotic series. */
    private static final double ASYMPTOTIC_FROM = 26;

    private static final GaussIntegrator GL8 = new GaussIntegratorFactory().legendre(8);

    private StandardNormal() {
    }

    /** φ(x) = e^{−x²/2}/√(2π). */
    static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /** Φ(x) = ½ erfc(−x/√2), accurate in relative terms far into the lower tail. */
    static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT_2);
    }

    /**
     * Φ(b) − Φ(a) for a ≤ b close together (b − a &lt; 1), by 8-point Gauss–Legendre on the density:
     * the difference of the two Φ values would lose the digits of a short interval.
     */
    static double mass(double a, double b) {
        double half = 0.5 * (b - a), mid = 0.5 * (a + b), sum = 0;
        for (int i = 0; i < GL8.getNumberOfPoints(); i++) {
            sum += GL8.getWeight(i) * pdf(mid + half * GL8.getPoint(i));
        }
        return half * sum;
    }

    /**
     * erfcx(x) = e^{x²} erfc(x). For x ≥ 26 the asymptotic series 1/(x√π)·Σ (−1)ⁿ(2n−1)!!/(2x²)ⁿ
     * (terms still shrink fast there: the 12th is below 1e-30); below, e^{x²} with x² split exactly
     * by fma (e^{x²} would otherwise carry a relative error x²·ε) times Hipparchus' erfc.
     */
    static double erfcx(double x) {
        if (x >= ASYMPTOTIC_FROM) {
            double inv = 1 / (2 * x * x), term = 1, sum = 1;
            for (int n = 1; n <= 12; n++) {
                term *= -(2 * n - 1) * inv;
                sum += term;
            }
            return sum / (x * SQRT_PI);
        }
        double sq = x * x;
        double lo = Math.fma(x, x, -sq);
        double e = Math.exp(sq) * (1 + lo);
        if (x >= 0) {
            return e * Erf.erfc(x);
        }
        // erfc(x) = 2 − erfc(−x) for x < 0: no cancellation, the result only grows.
        return e * (2 - Erf.erfc(-x));
    }
}
