package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** erfcx and the short-interval normal mass against independent evaluations. */
class StandardNormalTest {

    /** (x, erfcx(x)) from 40-digit arithmetic (mpmath: erfc(x)·exp(x²)). */
    private static final double[][] REFERENCE = {
            {-9, 3.0121946291700610967e+35}, {-4, 17772220.904016287648}, {-1.5, 18.653886256262733939},
            {-0.3, 1.4537492328427655735}, {0, 1}, {0.3, 0.73459933456765514229}, {1, 0.42758357615580700441},
            {2, 0.25539567631050574387}, {2.99, 0.17954646671027157148}, {3, 0.17900115118138995042},
            {3.7, 0.14743499753718507911}, {5, 0.11070463773306862637}, {10, 0.056140992743822585858},
            {20, 0.028174348741051319319}, {25.9, 0.021767181150738211369}, {26.1, 0.021600627726346207777},
            {40, 0.014100335983377813625}, {300, 0.0018806214973780644895}, {1e4, 0.000056418958072680841152}};

    @Test
    void erfcxMatchesFortyDigitValues() {
        for (double[] r : REFERENCE) {
            assertEquals(r[1], StandardNormal.erfcx(r[0]), 3e-15 * r[1], "x = " + r[0]);
        }
    }

    /** (x, Φ(x)) from 40-digit arithmetic (mpmath.ncdf). */
    private static final double[][] CDF = {{-37, 5.7255712225245768227e-300}, {-30, 4.9067139271481870595e-198},
            {-20, 2.7536241186062336951e-89}, {-8, 6.2209605742717841235e-16}, {-3, 0.0013498980316300945267},
            {-1, 0.15865525393145705141}, {-0.1, 0.46017216272297101853}, {0, 0.5},
            {0.5, 0.69146246127401310364}, {2, 0.9772498680518207928}, {8, 0.9999999999999993779}};

    @Test
    void cdfMatchesFortyDigitValues() {
        for (double[] r : CDF) {
            // −x/√2 is rounded before erfc sees it: a relative error up to x²·ε in the far tail.
            double tol = (4 + r[0] * r[0]) * 2.4e-16 * r[1];
            assertEquals(r[1], StandardNormal.cdf(r[0]), tol, "x = " + r[0]);
        }
    }

    @Test
    void erfcAgreesWithHipparchusAndFortyDigitValues() {
        for (double x = -6; x <= 26; x += 0.0137) {
            double expected = org.hipparchus.special.Erf.erfc(x);
            // Hipparchus is good to ~1e-14 only: at x = 1.1103 it is 6e-15 off the 40-digit value below.
            assertEquals(expected, StandardNormal.erfc(x), (50 + 2 * x * x) * 2.2e-16 * expected, "x = " + x);
        }
        double[][] reference = {{1.1103000000000198, 0.11636828297051433846}, {0.6719000000000184, 0.34200551143585719881},
                {2.5, 0.00040695201744495893956}, {1.5, 0.033894853524689272933}, {0.9, 0.20309178757716786034}};
        for (double[] r : reference) {
            assertEquals(r[1], StandardNormal.erfc(r[0]), 2e-15 * r[1], "x = " + r[0]);
        }
    }

    @Test
    void massOfAShortIntervalAvoidsCancellation() {
        for (double a : new double[] {-3, -0.2, 0, 1.4, 7}) {
            for (double width : new double[] {0.4, 1e-4, 1e-9}) {
                double b = a + width, w = b - a; // the width actually representable (b − a is exact)
                // Φ(b) − Φ(a) = ∫ φ: for small w, w·φ(m)·(1 + (w²/24)(m² − 1)), m the midpoint.
                double m = a + w / 2;
                double expected = w * StandardNormal.pdf(m) * (1 + w * w / 24 * (m * m - 1));
                double tol = w < 1e-6 ? 1e-15 * expected : w < 1e-2 ? 1e-13 * expected : 1e-12;
                if (w >= 1e-2) {
                    expected = StandardNormal.cdf(b) - StandardNormal.cdf(a);
                }
                assertEquals(expected, StandardNormal.mass(a, b), tol, "a = " + a + ", w = " + w);
            }
        }
    }

    @Test
    void shortenedContinuedFractionMatchesTwoHundredTerms() {
        // the term counts of erfcx's continued fraction step down with x; each step must still be converged
        double worst = 0;
        for (double x = 3; x < 1e4; x *= 1.001) {
            double f = x;
            for (int k = 200; k >= 1; k--) {
                f = x + (0.5 * k) / f;
            }
            double reference = 1 / (Math.sqrt(Math.PI) * f);
            worst = Math.max(worst, Math.abs(StandardNormal.erfcx(x) - reference) / Math.ulp(reference));
        }
        assertTrue(worst <= 1, "worst difference " + worst + " ulp");
    }
}
