package org.widenets.kernel;

/**
 * ELU's piece D = E[(e^u − 1)(e^v − 1)·1[u &lt; 0, v &lt; 0]] (= A − B₁ − B₂ + (π − θ)/(2π) in {@link Elu}'s
 * terms) as Mehler's series, a power series in ρ whose coefficients factor into a row and a column part:
 * <pre>
 *   D = Σₙ ρⁿ·gₙ(q11)·gₙ(q22),   gₙ(q) = E[(e^{sZ} − 1)·1[Z &lt; 0]·Heₙ(Z)]/√(n!),   s = √q,
 *   g₀ = ½(erfcx(s/√2) − 1),   gₙ = s·(gₙ₋₁ + dₙ₋₁)/√n,   d₀ = ½,   dₘ = −φ(0)·Heₘ₋₁(0)/√(m!).
 * </pre>
 * The series is the Hermite expansion of the bivariate normal density (Mehler's formula) applied to
 * g(u) = (e^u − 1)·1[u &lt; 0] in both arguments; dₘ = E[1[Z &lt; 0]Heₘ(Z)]/√(m!), and the recurrence is one
 * integration by parts: Iₙ = ∫_{−∞}^0 e^{sz}Heₙφ dz = s·Iₙ₋₁ + Jₙ with Jₙ = ∫_{−∞}^0 Heₙφ dz (Heₙφ =
 * (−1)ⁿφ⁽ⁿ⁾), so Iₙ − Jₙ = s·Iₙ₋₁; Heₘ(0) = 0 for odd m, Heₘ(0) = −(m − 1)Heₘ₋₂(0).
 *
 * <p>Why: a kernel matrix's entry then costs one multiplication and one fma per term (the column's gₙ are
 * built once per column, the row's once per row), where Plackett's Φ₂ for A costs an exponential and a
 * division per node: for |ρ| &lt; 0.7 ({@link #terms}) 13 to 77 terms over vector lanes cost less than a
 * 6-point rule (ELU's block per entry went from 58–75 ns to ≈ 30–40 ns). Why D and not A =
 * E[e^{u+v}·1[u &lt; 0, v &lt; 0]] = D + B₁ + B₂ − (π − θ)/(2π): e^u·1[u &lt; 0] jumps at 0, so its coefficients
 * decay like n^{−3/4}, g is continuous (a kink), n^{−5/4}: A's series needed 8–33% more terms for the
 * same accuracy (16 against 12 at |ρ| &lt; 0.1, 88 against 76 at 0.7); and D, which T takes, then comes without the cancellation of A − B₁ − B₂ + (π − θ)/(2π),
 * O(1) pieces to O(q) at small q. Ṫ takes A = D + B₁ + B₂ − (π − θ)/(2π), accurate on the pieces' scale.
 *
 * <p>Accuracy: the terms decay like |ρ|ⁿn^{−5/2}, hence the bands; measured against the series in
 * 40-digit arithmetic (mpmath, 1 000 terms; the same series for A checked against A by 1-D quadrature),
 * the worst absolute error of D with these bands is 1.7e-16 over variances in [0.01, 24] and |ρ| up to
 * each band's edge. The forward recurrence is unstable while n &lt; q: it carries the rounding δ of g₀ as
 * δ·sⁿ/√(n!) (4e-13 at n ≈ 23 for q = 24), but that error's share of the sum is
 * δ·Σₙ(ρs₁)ⁿgₙ(q22)/√(n!) = δ·E[g(s₂Z)·e^{ρs₁Z − ρ²q11/2}] (Hermite's generating function), at most δ
 * (≈ 1e-17) as |g| ≤ 1, and likewise for the column's. EluMehlerSeriesTest checks the coefficients
 * against quadrature of their integral and D against 1-D quadratures of A, B₁ and B₂; EluBlockTest the
 * kernel's T and Ṫ.
 */
final class EluMehlerSeries {

    /** Coefficients kept per variance, g₀ … g₇₆ (the longest band's). */
    static final int TERMS = 77;
    /** ρ² below which the series is used ({@link #terms}); beyond, A by Plackett's rules. */
    static final double MAX_RHO_SQUARE = 0.49;
    /** Bands of ρ²: |ρ| below 0.1, 0.2, …, 0.5, 0.55, 0.6, 0.65, 0.7. */
    static final double[] BAND_RHO_SQUARE = {0.01, 0.04, 0.09, 0.16, 0.25, 0.3025, 0.36, 0.4225, MAX_RHO_SQUARE};
    /**
     * The last term's index per band (ascending; the ends at which {@link EluBlock}'s lanes start): per
     * band edge the shortest multiple of 4 whose worst error is ≤ 1.7e-16 absolute (40 entries, variances
     * in [0.01, 24]); 4 fewer left 1.8e-12, 8.6e-16, 3.4e-15, 6e-16, 1e-15, 2.4e-15, 1.2e-15, 2.6e-16,
     * 2.6e-16.
     */
    static final int[] BAND_TERMS = {12, 20, 24, 32, 40, 44, 52, 64, 76};
    /** dₙ = E[1[Z &lt; 0]Heₙ(Z)]/√(n!) and 1/√n. */
    private static final double[] HALF_LINE = new double[TERMS], INVERSE_ROOT = new double[TERMS];

    static {
        double[] h = new double[TERMS]; // Heₙ(0)/√(n!): h₀ = 1, h₁ = 0, hₙ = −√((n − 1)/n)·hₙ₋₂
        h[0] = 1;
        for (int n = 2; n < TERMS; n++) {
            h[n] = -Math.sqrt((n - 1.0) / n) * h[n - 2];
        }
        HALF_LINE[0] = 0.5;
        for (int n = 1; n < TERMS; n++) {
            INVERSE_ROOT[n] = 1 / Math.sqrt(n);
            HALF_LINE[n] = -h[n - 1] / StandardNormal.SQRT_2PI * INVERSE_ROOT[n];
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
     * g₀ … g₇₆ of variance q into out[n][at], given erfcx(√q/√2) (which {@link EluBlock} has at hand from
     * {@link EluOrthantSeries}' build): the recurrence above, the same operations for rows, columns and
     * pairs, so a pair and a block give the same bits.
     */
    static void coefficients(double q, double erfcx, double[][] out, int at) {
        double s = Math.sqrt(q), g = 0.5 * erfcx - 0.5;
        out[0][at] = g;
        for (int n = 1; n < TERMS; n++) {
            g = s * (g + HALF_LINE[n - 1]) * INVERSE_ROOT[n];
            out[n][at] = g;
        }
    }

    /** D by the series with the given number of terms (the last index), one value at a time (tests). */
    static double d(double q11, double q22, double rho, int last) {
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
