package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Mehler-series path of {@link QuadratureActivation} (smooth φ) against independent computations:
 * the finer 2-D kink-aware quadrature ({@link GaussianQuadrature#standard()}, a different method with its
 * own panels), 1-D quadrature where ρ = ±1 reduces the expectation to one variable, and closed forms
 * (Erf's arcsine kernel, the Polynomial coefficients of kernel-formulas.md §3.12).
 */
class HermiteSeriesTest {

    /** φ = x/√(1+x²): smooth, branch points at ±i, not a built-in. */
    private static final Activation ALGEBRAIC = new CustomActivation("x/√(1+x²)",
            x -> x / Math.sqrt(1 + x * x), x -> Math.pow(1 + x * x, -1.5));

    private static final List<Activation> SMOOTH = List.of(new Tanh(), new Sigmoid(), new Softplus(), new Silu(),
            new Mish(), ALGEBRAIC);

    private static final double[] RHOS = {-1, -1 + 1e-12, -0.9, -0.3, 0, 0.5, 0.99, 1 - 1e-12, 1};

    @Test
    void seriesAgreesWithTwoDimensionalQuadratureOnTheGrid() {
        GaussianQuadrature oracle = GaussianQuadrature.standard();
        double[] variances = {1e-8, 1e-3, 0.3, 1, 2.5, 10, 100};
        List<String> fallbacks = new ArrayList<>();
        for (Activation f : SMOOTH) {
            HermiteCache cache = HermiteCache.of(f);
            for (double q : variances) {
                for (double[] v : new double[][] {{q, 1.7 * q}, {q, q / 3}}) {
                    double scale = Math.sqrt(oracle.diag(f, v[0]) * oracle.diag(f, v[1]));
                    double dotScale = Math.sqrt(oracle.diagDot(f, v[0]) * oracle.diagDot(f, v[1]));
                    for (double rho : RHOS) {
                        double q12 = rho * Math.sqrt(v[0] * v[1]);
                        String at = f.name() + " at q11 = " + v[0] + ", ρ = " + rho + ", q22 = " + v[1];
                        double[] out = new double[2];
                        boolean series = cache.tAndTDot(f, v[0], q12, v[1], out, true, true) == (HermiteCache.T | HermiteCache.T_DOT);
                        if (!series) {
                            fallbacks.add(f.name() + " q11=" + v[0] + " ρ=" + rho);
                            // where the series is used must not depend on the variance being small
                            assertTrue(v[0] >= 2.5 && Math.abs(rho) >= 0.9, "unexpected fallback " + at);
                        }
                        double t = oracle.t(f, v[0], q12, v[1]), tDot = oracle.tDot(f, v[0], q12, v[1]);
                        assertEquals(t, f.t(v[0], q12, v[1]), 1e-9 * Math.abs(t) + 1e-12 * scale, "T " + at);
                        assertEquals(tDot, f.tDot(v[0], q12, v[1]), 1e-9 * Math.abs(tDot) + 1e-12 * dotScale, "Ṫ " + at);
                        double[] both = new double[2];
                        f.tAndTDot(v[0], q12, v[1], both);
                        assertArrayEquals(new double[] {f.t(v[0], q12, v[1]), f.tDot(v[0], q12, v[1])}, both, 0,
                                "tAndTDot " + at);
                    }
                }
            }
        }
        // the fallback is rare on this grid (large variance at |ρ| near 1) and reported for the record
        System.out.println("HermiteSeriesTest: 2-D quadrature fallback at " + fallbacks.size() + " of "
                + SMOOTH.size() * variances.length * 2 * RHOS.length + " grid points (q22 = 1.7·q11 or q11/3): "
                + fallbacks);
        assertTrue(fallbacks.size() < SMOOTH.size() * variances.length * 2 * RHOS.length / 4, "too many fallbacks");
    }

    @Test
    void rhoOfPlusMinusOneMatchesTheOneDimensionalExpectation() {
        // u = ±(s₁/s₂)·v: T = E[φ(s₁z)·φ(±s₂z)], a 1-D integral, by a 1-D rule
        GaussianQuadrature oracle = GaussianQuadrature.standard();
        for (Activation f : SMOOTH) {
            for (double[] v : new double[][] {{1e-8, 3e-8}, {0.4, 1.1}, {2, 0.5}, {1.3, 1.3}}) {
                double s1 = Math.sqrt(v[0]), s2 = Math.sqrt(v[1]);
                for (int sign : new int[] {1, -1}) {
                    double t = oracle.expectation(z -> f.phi(s1 * z) * f.phi(sign * s2 * z), new double[0], 1);
                    double tDot = oracle.expectation(z -> f.dphi(s1 * z) * f.dphi(sign * s2 * z), new double[0], 1);
                    double scale = Math.sqrt(f.diag(v[0]) * f.diag(v[1]));
                    double dotScale = Math.sqrt(f.diagDot(v[0]) * f.diagDot(v[1]));
                    String at = f.name() + " at " + v[0] + ", " + sign + ", " + v[1];
                    assertEquals(t, f.t(v[0], sign * s1 * s2, v[1]), 1e-9 * Math.abs(t) + 1e-12 * scale, "T " + at);
                    assertEquals(tDot, f.tDot(v[0], sign * s1 * s2, v[1]), 1e-9 * Math.abs(tDot) + 1e-12 * dotScale,
                            "Ṫ " + at);
                }
            }
            // x = x′ exactly: the diagonal
            assertEquals(f.diag(0.7), f.t(0.7, 0.7, 0.7), 1e-12 * f.diag(0.7), f.name());
            assertEquals(f.diagDot(0.7), f.tDot(0.7, 0.7, 0.7), 1e-12 * f.diagDot(0.7), f.name());
        }
    }

    @Test
    void jointValuesAtTheNodesAreTheSameNumbers() {
        // the expansions evaluate φ and φ′ at ±x in one call (tanh: one tanh for all four, as tanh is odd
        // also in floating point); it must give the bits of phi and dphi
        java.util.Random random = new java.util.Random(3);
        double[] out = new double[4];
        for (Activation f : SMOOTH) {
            QuadratureActivation q = (QuadratureActivation) f;
            for (int trial = 0; trial < 20000; trial++) {
                double x = trial < 3 ? new double[] {0, 1e-300, 40}[trial] : Math.scalb(random.nextDouble(), random.nextInt(12) - 6) * 8;
                q.phiAndDphi(x, out);
                double[] expected = {f.phi(x), f.dphi(x), f.phi(-x), f.dphi(-x)};
                for (int j = 0; j < 4; j++) {
                    assertEquals(Double.doubleToLongBits(expected[j]), Double.doubleToLongBits(out[j]),
                            f.name() + " at " + x + ", value " + j);
                }
            }
        }
    }

    @Test
    void zeroVarianceLeavesTheConstantTerm() {
        GaussianQuadrature oracle = GaussianQuadrature.standard();
        for (Activation f : SMOOTH) {
            double mean = oracle.expectation(f::phi, new double[0], 2.0);
            double meanDot = oracle.expectation(f::dphi, new double[0], 2.0);
            assertEquals(f.phi(0) * mean, f.t(0, 0, 2.0), 1e-13 + 1e-12 * Math.abs(mean), f.name());
            assertEquals(f.dphi(0) * meanDot, f.tDot(2.0, 0, 0), 1e-13 + 1e-12 * Math.abs(meanDot), f.name());
            assertEquals(f.phi(0) * f.phi(0), f.t(0, 0, 0), 1e-15, f.name());
        }
    }

    @Test
    void parityHalvesTheSeriesWithoutChangingIt() {
        // tanh is odd and tanh′ even: half the coefficients are exactly 0 and the sums skip them; the
        // result must be the full Horner sum over all coefficients to rounding. SiLU has no parity.
        for (Activation f : new Activation[] {new Tanh(), new Silu()}) {
            HermiteExpansion a = HermiteExpansion.of(f, 0.7, 200, 200), b = HermiteExpansion.of(f, 2.5, 200, 200);
            if (f instanceof Tanh) {
                for (int k = 0; k <= 200; k++) {
                    assertEquals(0.0, (k % 2 == 0 ? a.coefficient(k) : a.derivativeCoefficient(k)), "k = " + k);
                }
            }
            for (double rho : new double[] {-0.999, -0.6, 0.2, 0.97, 1}) {
                for (int degree : new int[] {0, 1, 7, 8, 200}) {
                    double t = 0, tDot = 0;
                    for (int j = degree; j >= 0; j--) {
                        t = t * rho + a.coefficient(j) * b.coefficient(j);
                        tDot = tDot * rho + a.derivativeCoefficient(j) * b.derivativeCoefficient(j);
                    }
                    String at = f.name() + " ρ = " + rho + " K = " + degree;
                    assertEquals(t, HermiteExpansion.sum(a, b, rho, false, degree), 1e-15, at);
                    assertEquals(tDot, HermiteExpansion.sum(a, b, rho, true, degree), 1e-15, at);
                }
            }
        }
    }

    @Test
    void truncationIsTheFirstDegreeThatMeetsTheBound() {
        // the series stops at the first degree (of the nonzero half, for parity) whose tail bound
        // |ρ|^{K+1}·√(r_K(a)·r_K(b)) is ≤ TARGET: checked against a plain scan of the remainders in double
        // precision with a small margin either way (the loop forms powers by repeated multiplication)
        HermiteExpansion a = HermiteExpansion.of(new Tanh(), 0.8, 300, 300);
        HermiteExpansion b = HermiteExpansion.of(new Tanh(), 2.0, 300, 300);
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            double rho = trial < 4 ? new double[] {1, -1, 0.999999, 1e-300}[trial] : 2 * random.nextDouble() - 1;
            int k = HermiteExpansion.truncation(a, b, rho, false);
            // tanh is odd: only odd degrees carry T
            int below = -1, above = -1;
            for (int j = 1; j <= 300 && below < 0; j += 2) {
                double bound = Math.pow(Math.abs(rho), j + 1) * Math.sqrt(a.relativeRemainder(j) * b.relativeRemainder(j));
                if (above < 0 && bound <= HermiteExpansion.TARGET * (1 + 1e-9)) {
                    above = j; // possibly met from here
                }
                if (bound <= HermiteExpansion.TARGET * (1 - 1e-9)) {
                    below = j; // surely met here
                }
            }
            assertTrue(k % 2 == 1 && k >= above && k <= below, "ρ = " + rho + ": " + k + " vs scan " + above + "–" + below);
            // the truncated series is the fixed-degree sum to that degree, bit for bit
            assertEquals(Double.doubleToLongBits(HermiteExpansion.sum(a, b, rho, false, k)),
                    Double.doubleToLongBits(HermiteExpansion.series(a, b, rho, false)), "ρ = " + rho);
            int kDot = HermiteExpansion.truncation(a, b, rho, true);
            assertTrue(kDot % 2 == 0, "tanh′ is even: " + kDot);
            assertEquals(Double.doubleToLongBits(HermiteExpansion.sum(a, b, rho, true, kDot)),
                    Double.doubleToLongBits(HermiteExpansion.series(a, b, rho, true)), "Ṫ at ρ = " + rho);
        }
        // beyond both expansions' degrees: no truncation, NaN for the series
        HermiteExpansion shortA = HermiteExpansion.of(new Tanh(), 30, 20, 20);
        HermiteExpansion shortB = HermiteExpansion.of(new Tanh(), 40, 20, 20);
        assertEquals(-1, HermiteExpansion.truncation(shortA, shortB, 0.99, false));
        assertTrue(Double.isNaN(HermiteExpansion.series(shortA, shortB, 0.99, false)));
    }

    @Test
    void seriesOfErfReproducesTheArcsineKernel() {
        // Erf has a closed form: the expansion alone (no quadrature oracle involved) must reproduce it
        Erf erf = new Erf(1.3, 0.8, 0.2);
        for (double[] v : new double[][] {{0.5, 2}, {3, 1}, {1e-4, 0.2}}) {
            HermiteExpansion a = HermiteExpansion.of(erf, v[0]), b = HermiteExpansion.of(erf, v[1]);
            assertTrue(a.complete() && b.complete());
            // both to the degree where both remainders are small (Cauchy–Schwarz needs the product)
            int degree = Math.max(a.degree(), b.degree());
            a = HermiteExpansion.of(erf, v[0], degree, degree);
            b = HermiteExpansion.of(erf, v[1], degree, degree);
            assertEquals(erf.diag(v[0]), a.diag(), 1e-13 * erf.diag(v[0]));
            assertEquals(erf.diagDot(v[0]), a.diagDot(), 1e-13 * erf.diagDot(v[0]));
            for (double rho : RHOS) {
                double q12 = rho * Math.sqrt(v[0] * v[1]);
                int k = degree;
                double t = 0, tDot = 0;
                for (int j = k; j >= 0; j--) {
                    t = t * rho + a.coefficient(j) * b.coefficient(j);
                    tDot = tDot * rho + a.derivativeCoefficient(j) * b.derivativeCoefficient(j);
                }
                double scale = Math.sqrt(erf.diag(v[0]) * erf.diag(v[1]));
                double dotScale = Math.sqrt(erf.diagDot(v[0]) * erf.diagDot(v[1]));
                assertEquals(erf.t(v[0], q12, v[1]), t, 1e-11 * scale, "T at " + rho);
                assertEquals(erf.tDot(v[0], q12, v[1]), tDot, 1e-11 * dotScale, "Ṫ at " + rho);
            }
        }
    }

    @Test
    void polynomialCoefficientsMatchTheClosedForm() {
        // r_l(q) = Σ_i c_{2i+l}·(2i+l)!/(2^i i! √(l!))·q^{i+l/2} (kernel-formulas.md §3.12); φ′ likewise
        double[] c = {0.3, -1, 0.5, 2, -0.25};
        double[] dc = {-1, 1, 6, -1};
        Polynomial p = new Polynomial(c);
        for (double q : new double[] {0.01, 1, 4.5}) {
            HermiteExpansion e = HermiteExpansion.of(p, q);
            double norm = Math.sqrt(p.diag(q)), dotNorm = Math.sqrt(p.diagDot(q));
            assertTrue(e.complete());
            for (int l = 0; l <= Math.min(e.degree(), 6); l++) {
                assertEquals(hermite(c, l, q), e.coefficient(l), 1e-13 * norm, "c_" + l + " at q = " + q);
                assertEquals(hermite(dc, l, q), e.derivativeCoefficient(l), 1e-13 * dotNorm, "d_" + l + " at q = " + q);
            }
        }
    }

    @Test
    void beyondTheDegreeCapTheQuadratureTakesOver() {
        Tanh tanh = new Tanh();
        HermiteExpansion wide = HermiteExpansion.of(tanh, 100);
        assertFalse(wide.complete(), "tanh at q = 100 needs far more than the cap: coefficients decay like e^{−π√(2k)/20}");
        assertEquals(HermiteExpansion.MAX_DEGREE, wide.degree());
        double q11 = 100, q22 = 60, q12 = 0.999 * Math.sqrt(q11 * q22);
        assertEquals(0, HermiteCache.of(tanh).tAndTDot(tanh, q11, q12, q22, new double[2], true, true));
        double expected = GaussianQuadrature.standard().t(tanh, q11, q12, q22);
        assertEquals(expected, tanh.t(q11, q12, q22), 1e-11 * Math.abs(expected));
        assertEquals(GaussianQuadrature.activations().tDot(tanh, q11, q12, q22), tanh.tDot(q11, q12, q22), 0);
        // the same expansions still serve a small |ρ|, where |ρ|^{K+1} alone ends the series
        double small = 0.2 * Math.sqrt(q11 * q22);
        assertEquals(HermiteCache.T | HermiteCache.T_DOT,
                HermiteCache.of(tanh).tAndTDot(tanh, q11, small, q22, new double[2], true, true));
    }

    @Test
    void kinkedActivationsKeepTheQuadrature() {
        Activation hardTanh = new CustomActivation("HardTanh", x -> Math.max(-1, Math.min(1, x)),
                x -> Math.abs(x) < 1 ? 1 : 0, -1, 1);
        assertEquals(0, HermiteCache.of(hardTanh).tAndTDot(hardTanh, 1, 0.3, 2, new double[2], true, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HermiteExpansion.of(hardTanh, 1));
        assertTrue(e.getMessage().contains("kinks"), e.getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        Tanh tanh = new Tanh();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HermiteExpansion.of(tanh, -1))
                .getMessage().contains("q"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HermiteExpansion.of(tanh, Double.NaN))
                .getMessage().contains("q"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HermiteExpansion.of(tanh, 1, 0, 10_000))
                .getMessage().contains("maxDegree"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tanh.t(1, 2, 1)).getMessage().contains("q12"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tanh.tAndTDot(1, 0.5, -1, new double[2]))
                .getMessage().contains("q22"));
        assertThrows(IllegalArgumentException.class, () -> HermiteExpansion.of(tanh, 1).coefficient(-1));
    }

    @Test
    void parallelCallersSeeTheSameValues() {
        // many threads share (and overwrite) the memo: results must not depend on who computed an entry
        Sigmoid f = new Sigmoid();
        int n = 400;
        double[] q = IntStream.range(0, n).mapToDouble(i -> 0.2 + 3.0 * i / n).toArray();
        double[] parallel = IntStream.range(0, n * 8).parallel()
                .mapToDouble(k -> f.t(q[k % n], 0.6 * Math.sqrt(q[k % n] * q[(k * 7) % n]), q[(k * 7) % n])).toArray();
        for (int k = 0; k < n * 8; k += 61) {
            int i = k % n, j = (k * 7) % n;
            double fresh = GaussianQuadrature.activations().t(f, q[i], 0.6 * Math.sqrt(q[i] * q[j]), q[j]);
            assertEquals(fresh, parallel[k], 1e-11, "pair " + i + ", " + j);
        }
    }

    /** The l-th normalised Hermite coefficient of Σ cₖ xᵏ at variance q (kernel-formulas.md §3.12). */
    private static double hermite(double[] c, int l, double q) {
        double sum = 0;
        for (int i = 0; 2 * i + l < c.length; i++) {
            int k = 2 * i + l;
            sum += c[k] * factorial(k) / (Math.pow(2, i) * factorial(i) * Math.sqrt(factorial(l))) * Math.pow(q, i + l / 2.0);
        }
        return sum;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
