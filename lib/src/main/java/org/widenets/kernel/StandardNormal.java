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

    private static final double CONTINUED_FRACTION_FROM = 3;

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
     * erfcx(x) = e^{x²} erfc(x). For x ≥ 3 Laplace's continued fraction
     * (1/√π)/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated backwards from 30 terms (converged
     * below 1e-16 there, checked against 40-digit arithmetic); Hipparchus' erfc, through Q(½, x²), is
     * off by up to 1e-14 relative for x in [5, 26] and underflows beyond 26. Below 3, e^{x²}·erfc(x).
     */
    static double erfcx(double x) {
        if (x >= CONTINUED_FRACTION_FROM) {
            double f = x;
            for (int k = 30; k >= 1; k--) {
                f = x + (0.5 * k) / f;
            }
            return 1 / (SQRT_PI * f);
        }
        double sq = x * x;
        if (x >= 0) {
            // Hipparchus evaluates erfc through Q(½, x²) at the same rounded x², so e^{x²}·erfc(x) is
            // erfcx at √(x²) exactly: no fma correction here (it would double the error, not cancel it).
            return Math.exp(sq) * Erf.erfc(x);
        }
        // erfc(x) = 2 − erfc(−x) for x < 0: the 2·e^{x²} term needs x² exactly, so split it with fma.
        double e = Math.exp(sq) * (1 + Math.fma(x, x, -sq));
        return e * (2 - Erf.erfc(-x));
    }
}
