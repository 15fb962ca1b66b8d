package org.widenets.kernel;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The standard normal density φ, distribution function Φ, erfc and the scaled complementary error
 * function erfcx(x) = e^{x²} erfc(x): one place for the kernels that need them (GELU, ELU, the bivariate
 * normal CDF).
 *
 * <p>Written here rather than taken from Hipparchus: Hipparchus has no erfcx, which the ELU kernel needs
 * as e^{t²/2}Φ(−t) = ½ erfcx(t/√2) far beyond the point where erfc underflows
 * (shared/papers/elu-gelu-kernels.md §2, pitfall P2), and its erfc is a regularised-Γ continued
 * fraction about 20× slower than the Chebyshev/continued-fraction evaluation below. Tested against
 * 40-digit values and against Hipparchus.
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
        return 0.5 * erfc(-x / SQRT_2);
    }

    /**
     * erfc(x) = erfcx(x)·e^{−x²}, with x² split exactly by fma so that e^{−x²} keeps its digits; for
     * x &lt; 0, 2 − erfc(−x). Hipparchus' erfc is as accurate but ~20× slower (a regularised-Γ continued
     * fraction), and the kernels and finite GELU networks call it millions of times.
     */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        double sq = x * x;
        return erfcx(x) * Math.exp(-sq) * (1 - Math.fma(x, x, -sq));
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
     * below 1e-16 there); on [0, 3) a 28-term Chebyshev series (truncation error 3e-18); for x &lt; 0,
     * 2e^{x²} − erfcx(−x) with x² split exactly by fma. Hipparchus' erfc would be off by up to 1e-14
     * relative for x in [5, 26] (it works through Q(½, x²)), underflows beyond 26 and is slow.
     */
    static double erfcx(double x) {
        if (x >= CONTINUED_FRACTION_FROM) {
            double f = x;
            for (int k = 30; k >= 1; k--) {
                f = x + (0.5 * k) / f;
            }
            return 1 / (SQRT_PI * f);
        }
        if (x >= 0) {
            // Clenshaw's recurrence for Σ cₖ Tₖ(t), t = (2x − 3)/3 ∈ [−1, 1).
            double t = (2 * x - 3) / 3, b1 = 0, b2 = 0;
            for (int k = ERFCX_CHEBYSHEV.length - 1; k >= 1; k--) {
                double b0 = 2 * t * b1 - b2 + ERFCX_CHEBYSHEV[k];
                b2 = b1;
                b1 = b0;
            }
            return ERFCX_CHEBYSHEV[0] + t * b1 - b2;
        }
        double sq = x * x;
        double e = Math.exp(sq) * (1 + Math.fma(x, x, -sq));
        return 2 * e - erfcx(-x);
    }

    /**
     * Chebyshev coefficients of erfcx on [0, 3] in t = (2x − 3)/3, computed with mpmath at 40 digits
     * (interpolation at 32 Chebyshev nodes, first 28 kept; max relative truncation error 2.6e-18).
     */
    private static final double[] ERFCX_CHEBYSHEV = {0.4413272098724755, -0.3611037988941115, 0.13277167362014608,
            -0.044862708199308335, 0.014133707475084892, -0.004193978072500207, 0.0011810312328946638,
            -0.00031745317048251454, 8.18244289446326e-05, -2.0300292708943793e-05, 4.862871519023685e-06,
            -1.127713959746334e-06, 2.537468326938191e-07, -5.5506840986573e-08, 1.1824399436760038e-08,
            -2.456708498483471e-09, 4.984858379595275e-10, -9.890047585903342e-11, 1.9207029420105047e-11,
            -3.654801757009907e-12, 6.820190337997702e-13, -1.2491430136666143e-13, 2.247168571152789e-14,
            -3.9734353224087136e-15, 6.910033524970719e-16, -1.1825894602106215e-16, 1.9928105477509586e-17,
            -3.308250093998379e-18};
}
