package org.widenets.kernel;

/**
 * ELU's piece A = E[e^{u+v}·1[u &lt; 0, v &lt; 0]] (= e^{(q11 + 2q12 + q22)/2}·Φ₂(−(s₁ + ρs₂), −(ρs₁ + s₂); ρ),
 * {@link Elu}) as Mehler's series, a power series in ρ whose coefficients factor into a row and a column part:
 * <pre>
 *   A = Σₙ ρⁿ·cₙ(q11)·cₙ(q22),   cₙ(q) = E[e^{sZ}·1[Z &lt; 0]·Heₙ(Z)]/√(n!),   s = √q,
 *   c₀ = ½erfcx(s/√2),   cₙ = (s·cₙ₋₁ − φ(0)·Heₙ₋₁(0)/√((n−1)!))/√n.
 * </pre>
 * The series is the Hermite expansion of the bivariate normal density (Mehler's formula) applied to
 * f(u) = e^{u}1[u &lt; 0] in both arguments; the recurrence is one integration by parts of
 * ∫_{−∞}^0 e^{sz}Heₙ(z)φ(z)dz with Heₙφ = (−1)ⁿφ⁽ⁿ⁾, and Heₘ(0) = 0 for odd m,
 * Heₘ(0) = −(m − 1)Heₘ₋₂(0).
 *
 * <p>Why: a kernel matrix's entry then costs one multiplication and one fma per term (the column's cₙ are
 * built once per column, the row's once per row), where Plackett's Φ₂ costs an exponential and a division
 * per node: for |ρ| &lt; 0.7 ({@link #terms}) 17 to 89 terms over vector lanes cost less than a 6-point rule
 * (measured: ELU's block per entry went from 58–75 ns to 31–42 ns).
 * The terms decay like |ρ|ⁿn^{−3/2} (f jumps at 0, so cₙ ~ n^{−3/4}), hence the bands; measured against
 * the series in 40-digit arithmetic (mpmath, 1 000 terms, itself checked against A by 1-D quadrature), the
 * worst relative error of A with these bands is 1.5e-15 over variances in [0.01, 24] and |ρ| up to each
 * band's edge (2.3e-14 and 6.6e-15 with the next shorter term counts), below the ≈ 6e-14 of Plackett's rules
 * there, whose exponents round. For ρ &lt; 0 the terms alternate, but A(−|ρ|) stays within a small factor of
 * A(|ρ|) (it tends to it as q grows), so little is lost.
 *
 * <p>The forward recurrence is unstable while n &lt; q: it carries the rounding δ of c₀ as δ·sⁿ/√(n!), 4e-13
 * absolute at n ≈ 23 for q = 24. A does not feel it: that error's share of the sum is
 * δ·Σₙ(ρs₁)ⁿcₙ(q22)/√(n!) = δ·E[f(s₂Z)·e^{ρs₁Z − ρ²q11/2}] = δ·e^{−ρ²q11/2}·½erfcx((s₂ + ρs₁)/√2) (Hermite's
 * generating function), at most δ (≈ 1e-17) for every ρ — and likewise for the column's.
 * EluMehlerSeriesTest checks the coefficients against quadrature of their integral and A against the 1-D
 * wedge quadrature of EluOrthantSeriesTest; EluBlockTest the kernel's T and Ṫ.
 */
final class EluMehlerSeries {

    /** Terms of the longest band, n = 0 … 88 (89 coefficients per variance). */
    static final int TERMS = 89;
    /** ρ² below which the series is used ({@link #terms}); beyond, Plackett's rules. */
    static final double MAX_RHO_SQUARE = 0.49;
    /** Bands of ρ²: |ρ| below 0.1, 0.2, …, 0.5, 0.55, 0.6, 0.65, 0.7. */
    static final double[] BAND_RHO_SQUARE = {0.01, 0.04, 0.09, 0.16, 0.25, 0.3025, 0.36, 0.4225, MAX_RHO_SQUARE};
    /**
     * The last term's index per band (ascending; the ends at which {@link EluBlock}'s lanes start): at each
     * band's edge the next shorter count in steps of 4 left 6e-15, 4e-15, 1.3e-14, 4.6e-15, 2.4e-15
     * relative (0.1, 0.3, 0.5, 0.55, 0.65), these ≤ 1.5e-15; the last band keeps a margin (84 gave 1.5e-15).
     */
    static final int[] BAND_TERMS = {16, 24, 28, 36, 44, 52, 60, 72, 88};
    /** φ(0)·Heₙ(0)/√(n!) and 1/√n. */
    private static final double[] CENTRE = new double[TERMS], INVERSE_ROOT = new double[TERMS];

    static {
        double[] h = new double[TERMS]; // Heₙ(0)/√(n!): h₀ = 1, h₁ = 0, hₙ = −√((n − 1)/n)·hₙ₋₂
        h[0] = 1;
        for (int n = 2; n < TERMS; n++) {
            h[n] = -Math.sqrt((n - 1.0) / n) * h[n - 2];
        }
        for (int n = 0; n < TERMS; n++) {
            CENTRE[n] = h[n] / StandardNormal.SQRT_2PI;
            INVERSE_ROOT[n] = n == 0 ? 0 : 1 / Math.sqrt(n);
        }
    }

    private EluMehlerSeries() {
    }

    /**
     * The index of the last term for correlation² ρ² = q12²/(q11q22) given as q12² and q11q22 (no division:
     * this runs for every entry), or −1 when |ρ| ≥ 0.7 (Plackett's rules then): {@link #BAND_TERMS} by
     * {@link #BAND_RHO_SQUARE}. {@link EluBlock} compares the same way over vector lanes.
     */
    static int terms(double q12Square, double q11q22) {
        for (int band = 0; band < BAND_TERMS.length; band++) {
            if (q12Square < BAND_RHO_SQUARE[band] * q11q22) {
                return BAND_TERMS[band];
            }
        }
        return -1;
    }

    /**
     * c₀ … c₈₈ of variance q into out[n][at], given erfcx(√q/√2) (which {@link EluBlock} has at hand from
     * {@link EluOrthantSeries}' build): the recurrence above, the same operations for rows, columns and
     * pairs, so a pair and a block give the same bits.
     */
    static void coefficients(double q, double erfcx, double[][] out, int at) {
        double s = Math.sqrt(q), c = 0.5 * erfcx;
        out[0][at] = c;
        for (int n = 1; n < TERMS; n++) {
            c = Math.fma(s, c, -CENTRE[n - 1]) * INVERSE_ROOT[n];
            out[n][at] = c;
        }
    }

    /** A by the series with the given number of terms (the last index), one value at a time (tests). */
    static double a(double q11, double q22, double rho, int last) {
        double[][] row = new double[TERMS][1], column = new double[TERMS][1];
        coefficients(q11, StandardNormal.erfcx(Math.sqrt(q11) / StandardNormal.SQRT_2), row, 0);
        coefficients(q22, StandardNormal.erfcx(Math.sqrt(q22) / StandardNormal.SQRT_2), column, 0);
        double sum = 0;
        for (int n = last; n >= 0; n--) {
            sum = Math.fma(sum, rho, row[n][0] * column[n][0]);
        }
        return sum;
    }
}
