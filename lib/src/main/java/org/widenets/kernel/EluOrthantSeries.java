package org.widenets.kernel;

import jdk.incubator.vector.DoubleVector;

/**
 * ELU's piece b(q, ρ) = e^{q/2}·Φ₂(−s, −ρs; ρ), s = √q (B₁ = b(q11, ρ), B₂ = b(q22, ρ) in {@link Elu}),
 * for one q and every ρ, as a series in θ = asin ρ: per entry a few dozen fma instead of a Φ₂ (a dozen
 * exponentials or more) and two Φ tails.
 *
 * <p>The form:
 * <pre>
 *   b(q, ρ) = ¼erfcx(s/√2) + θ/(2π) − (s/(2√(2π)))·F_s(θ),   F_s(θ) = ∫₀^θ erfcx(s·cos φ/√2)·cos φ dφ.
 * </pre>
 * Derivation in one line: dΦ₂(−s, −ρs; ρ)/dρ = e^{−s²/2}/(2π√(1 − ρ²)) − s·φ(ρs)Φ(−s√(1 − ρ²)); times
 * e^{q/2}, with e^{t²/2}Φ(−t) = ½erfcx(t/√2) and ρ = sin φ, integrated from b(q, 0) = ¼erfcx(s/√2).
 * The part after ¼erfcx(s/√2) is odd in θ, so b(q, −ρ) = ½erfcx(s/√2) − b(q, ρ) (= X₂₁ at ρ for B₁).
 *
 * <p>Why a series: the integrand erfcx(s cos φ/√2)·cos φ is entire and even in φ, so its Chebyshev
 * series in x = 2φ/π on [−1, 1] converges geometrically, and F_s, its integral, is an odd Chebyshev
 * series Σ cₖT₂ₖ₊₁(x) = x·Σ cₖVₖ(y), y = T₂(x) = 2x² − 1, Vₖ₊₁ = 2yVₖ − Vₖ₋₁, V₀ = 1, V₁ = 2y − 1.
 * The coefficients come from the integrand at {@link #POINTS} Chebyshev points (first kind, 24 distinct
 * values by symmetry: 24 erfcx per q) by the discrete cosine transform and term-by-term integration,
 * folded into one fixed matrix; {@link #TERMS} odd terms T₁ … T₄₃. How many: the integrand varies on
 * the scale 1/s near φ = ±π/2 (where s·cos φ is small), so the coefficients decay more slowly as s grows;
 * measured against the quadrature below, the worst absolute error over θ is at the rounding floor
 * (≤ 1.5e-16) with 18 terms (40 points) up to s² = 16 but 1.8e-16 at 20, 3.5e-16 at 24, 4e-15 at 28;
 * with 20 terms (44 points) up to s² = 28 and 3e-16 at 32; with 22 terms (48 points) up to s² = 32
 * (1.8e-16 at 40, 4e-16 at 48). 22 are kept: the Φ₂ route goes to s² = 24 ({@link Elu}), and up to
 * {@link #MAX_VARIANCE} the series would not limit it; the last coefficient is 3.5e-18 at s² = 24,
 * 1.4e-17 at 32. Each term costs one fma per B per entry.
 * EluOrthantSeriesTest checks the odd part against composite Gauss–Legendre quadrature of F_s
 * (≤ 1.5e-16 absolute over s ∈ [0.1, √32], all θ) and b against {@link BivariateNormal} and an
 * independent 1-D quadrature, up to |ρ| = 1 − 1e-12.
 *
 * <p>The odd part is evaluated by Clenshaw's recurrence in fma form, the same operations in
 * {@link #oddPart} and in {@link EluBlock}'s lanes, so both give the same bits. The erfcx values at the
 * nodes come from {@link VectorNormal#erfcx}, so this class needs {@link VectorModule#PRESENT}.
 */
final class EluOrthantSeries {

    /** Chebyshev points of the first kind on [−1, 1] for the integrand (even: half of them distinct). */
    static final int POINTS = 48;
    /** Odd terms T₁, T₃, …, T₄₃ of F_s kept (the cosine transform of POINTS points gives a₀ … a₄₄). */
    static final int TERMS = 22;
    /** The largest variance the series is accurate for to the rounding floor (tested), with margin. */
    static final double MAX_VARIANCE = 32;
    /** Distinct node values per variance (the integrand is even). */
    static final int NODES = POINTS / 2;
    private static final int HALF = NODES;
    /** cos(π/2·tⱼ) at the positive Chebyshev points tⱼ = cos(π(j + ½)/POINTS), j &lt; NODES. */
    private static final double[] NODE_COS = new double[HALF];
    /**
     * MATRIX[i][j]: coefficient of T₂ᵢ₊₁ in F_s per unit erfcx(s·cos(π/2·tⱼ)/√2) — the cosine transform
     * (aₘ = (4/POINTS)·Σⱼ f(tⱼ)cos(mπ(j + ½)/POINTS) over the NODES positive points, a₀ halved), the
     * integral (c₁ = a₀ − a₂/2, cₖ = (aₖ₋₁ − aₖ₊₁)/(2k)), the factor π/2 of dφ = (π/2)dx and the cos φ
     * of the integrand, folded in double at class initialisation.
     */
    private static final double[][] MATRIX = new double[TERMS][HALF];
    private static final double SCALE = 1 / (2 * StandardNormal.SQRT_2PI);
    private static final double TWO_OVER_PI = 2 / Math.PI;

    static {
        double[][] cosine = new double[2 * TERMS + 1][HALF]; // aₘ per unit f(tⱼ)
        for (int j = 0; j < HALF; j++) {
            double t = StrictMath.cos(Math.PI * (j + 0.5) / POINTS);
            NODE_COS[j] = StrictMath.cos(Math.PI / 2 * t);
            for (int m = 0; m <= 2 * TERMS; m += 2) {
                cosine[m][j] = (m == 0 ? 2.0 : 4.0) / POINTS * StrictMath.cos(m * Math.PI * (j + 0.5) / POINTS);
            }
        }
        for (int i = 0; i < TERMS; i++) {
            int k = 2 * i + 1;
            for (int j = 0; j < HALF; j++) {
                double c = k == 1 ? cosine[0][j] - cosine[2][j] / 2 : (cosine[k - 1][j] - cosine[k + 1][j]) / (2 * k);
                MATRIX[i][j] = c * (Math.PI / 2) * NODE_COS[j];
            }
        }
    }

    /** dᵢ of the odd part x·Σ dᵢVᵢ(y) = θ/(2π) − (s/(2√(2π)))·F_s(θ). */
    private final double[] coefficients;

    private EluOrthantSeries(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * The series for variance q (accurate for 0.01 ≤ q ≤ {@link #MAX_VARIANCE}, tested; the Φ₂ route's), for
     * evaluation one θ at a time ({@link #oddPart}); {@link EluBlock} uses {@link #coefficients} directly.
     */
    static EluOrthantSeries of(double q) {
        double[][] out = new double[TERMS][VectorNormal.LANES];
        coefficients(new double[] {q}, 1, out, 0, new double[HALF * VectorNormal.LANES]);
        double[] d = new double[TERMS];
        for (int i = 0; i < TERMS; i++) {
            d[i] = out[i][0];
        }
        return new EluOrthantSeries(d);
    }

    /**
     * The coefficients dᵢ of the series of variances[t], t &lt; n, into out[i][at + t], coefficient-major
     * (the layout {@link EluBlock} reads a vector of columns from; out[i] holds at + n rounded up to whole
     * vectors), over vector lanes, one per variance: the integrand's erfcx at the NODES nodes of every
     * variance in one {@link VectorNormal#erfcx}, then dᵢ = −(s/(2√(2π)))·Σⱼ MATRIX[i][j]·erfcxⱼ (fma in
     * j order) + ¼[i = 0]. A lane's value does not depend on the others, so {@link #of} (n = 1) and a
     * batch give the same bits. values: scratch of NODES·padded(n).
     */
    static void coefficients(double[] variances, int n, double[][] out, int at, double[] values) {
        int np = VectorNormal.padded(n);
        for (int j = 0; j < HALF; j++) {
            for (int t = 0; t < np; t++) {
                values[j * np + t] = Math.sqrt(variances[Math.min(t, n - 1)]) * NODE_COS[j] * (1 / StandardNormal.SQRT_2);
            }
        }
        VectorNormal.erfcx(values, 0, HALF * np);
        double[] roots = new double[np];
        for (int t = 0; t < np; t++) {
            roots[t] = Math.sqrt(variances[Math.min(t, n - 1)]);
        }
        for (int o = 0; o < np; o += VectorNormal.LANES) {
            DoubleVector factor = DoubleVector.fromArray(VectorNormal.SPECIES, roots, o).neg().mul(SCALE);
            for (int i = 0; i < TERMS; i++) {
                double[] m = MATRIX[i];
                DoubleVector c = DoubleVector.zero(VectorNormal.SPECIES);
                for (int j = 0; j < HALF; j++) {
                    c = DoubleVector.broadcast(VectorNormal.SPECIES, m[j])
                            .fma(DoubleVector.fromArray(VectorNormal.SPECIES, values, j * np + o), c);
                }
                DoubleVector d = factor.mul(c);
                if (i == 0) {
                    d = d.add(0.25); // θ/(2π) = x/4 = (1/4)·x·V₀
                }
                d.intoArray(out[i], at + o);
            }
        }
    }

    /**
     * b(q, ρ) − ¼erfcx(s/√2) = θ/(2π) − (s/(2√(2π)))·F_s(θ) at θ = asin ρ ∈ [−π/2, π/2]: x = 2θ/π,
     * y = 2x² − 1, Clenshaw bᵢ = 2y·bᵢ₊₁ + (dᵢ − bᵢ₊₂), value x·(b₀ − b₁) (Σ dᵢVᵢ = b₀ − b₁ for
     * V₁ − 2yV₀ = −1). {@link EluBlock} runs these operations lane by lane.
     */
    double oddPart(double theta) {
        double[] d = coefficients;
        double x = theta * TWO_OVER_PI, twoY = Math.fma(4 * x, x, -2);
        double b1 = 0, b2 = 0;
        for (int i = TERMS - 1; i >= 1; i--) {
            double b0 = Math.fma(twoY, b1, d[i] - b2);
            b2 = b1;
            b1 = b0;
        }
        double b0 = Math.fma(twoY, b1, d[0] - b2);
        return x * (b0 - b1);
    }
}
