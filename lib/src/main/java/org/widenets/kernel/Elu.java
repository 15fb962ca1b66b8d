package org.widenets.kernel;

/**
 * ELU(α): φ(x) = x for x &gt; 0, α(eˣ − 1) for x ≤ 0 (Clevert et al. 2016); kernels after Tsuchida et al.
 * 2020 in the general-α form of shared/papers/elu-gelu-kernels.md §2.3.
 *
 * <p>Write φ = relu + α·n with n(x) = (eˣ − 1)·1[x &lt; 0]. Then
 * <pre>
 *   T = T_ReLU + α(C₁₂ + C₂₁) + α²·D,    C₁₂ = E[relu(u)·n(v)],  D = E[n(u)·n(v)]
 *   Ṫ = (π − θ)/(2π) + α(X₁₂ + X₂₁) + α²·A,   X₁₂ = E[1[u&gt;0]·eᵛ1[v&lt;0]],  A = E[e^{u+v}; u&lt;0, v&lt;0]
 *   diag = q/2 + α²(½ erfcx(√(2q)) − erfcx(√(q/2)) + ½),   diagDot = ½ + α²·½ erfcx(√(2q))
 * </pre>
 * Two evaluation routes, because no single one is accurate everywhere (pitfalls P2, P3 of the note):
 * <ul>
 *   <li>For moderate variances (0.01 ≤ q ≤ 12; with the Vector API up to 24, see below), at any ρ, the closed form with three bivariate normal CDFs
 *       ({@link BivariateNormal}, given √(1 − ρ²) from the covariance so that it stays exact near ρ = ±1): A = e^{(q11+2q12+q22)/2}Φ₂(−(s₁+ρs₂), −(ρs₁+s₂); ρ),
 *       B₁ = e^{q11/2}Φ₂(−s₁, −ρs₁; ρ), B₂ likewise, X₁₂ = ½erfcx(s₂/√2) − B₂,
 *       C₁₂ = q12·X₁₂ + (s₁/√(2π))(½erfcx(r s₂/√2) − ½), D = A − B₁ − B₂ + (π−θ)/(2π). On vector lanes B₁
 *       and B₂ come instead from b(q, ρ) = ¼erfcx(√q/√2) + θ'/(2π) − (√q/(2√(2π)))∫₀^θ' erfcx(√q cos φ/√2) cos φ dφ,
 *       θ' = asin ρ (the ρ-derivative of e^{q/2}Φ₂ integrated from ρ = 0; {@link EluOrthantSeries}), a
 *       Chebyshev series per variance: more accurate than e^{q/2}·Φ₂, whose ≈ 1e-17 absolute error
 *       e^{q/2} scales up to 3e-15 at q = 12 (and 2e-13 at 24), and a few dozen fma per entry instead of
 *       two Φ₂; for |ρ| &lt; 0.7 D there comes from Mehler's series Σₙ ρⁿgₙ(q11)gₙ(q22)
 *       ({@link EluMehlerSeries}: coefficients per variance, 13–77 terms, within 2e-16 absolute) and
 *       A = D + B₁ + B₂ − (π − θ)/(2π), beyond that A from Φ₂. With the series the vector route reaches q = 24 (BVN_MAX_VARIANCE: A's Φ₂ limits
 *       it, with Plackett rules chosen by |ρ| and q, {@link EluBlock#rule}); the scalar route, whose B's
 *       are e^{q/2}·Φ₂, stays at 12. Measured against the integral route
 *       (accurate to ≈ 1e-15, mpmath) on a grid of ρ including ±(1 − 10⁻¹⁴): for 12 &lt; q ≤ 24 T is within
 *       6.7e-15 of √(diag·diag) and Ṫ within 1.2e-13 relative at α = 1 (4.6e-14 and 7.1e-13 at α = 3); for
 *       q ≤ 12 3.2e-14 and 1.4e-14 (Genz's own bands left 1e-12 in Ṫ at 0.2 ≤ |ρ| &lt; 0.3).</li>
 *   <li>Elsewhere the exponential factors overflow (q ≳ 700) or D and C are formed from O(1) pieces
 *       cancelling to O(q) (relative error ε/q at small q). There each piece is a 1-D integral over
 *       z₁ = u/s₁ of its conditional expectation given u, which is closed form: for v | u ~ N(m, σ²),
 *       E[eᵛ; v&lt;0] = ½erfcx((m/σ+σ)/√2)·e^{−m²/(2σ²)} and
 *       E[(eᵛ−1); v&lt;0] = Φ(−m/σ−σ)·expm1(m+σ²/2) − (Φ(−m/σ) − Φ(−m/σ−σ)), both free of overflow and
 *       cancellation. All six pieces come from one fixed rule of graded Gauss–Legendre panels
 *       ({@link EluConditionalIntegrals}), within 1e-13 of the Φ₂ route where both apply.</li>
 * </ul>
 * Diagonal (and any pair with q11 = q12 = q22, where u = v: the x = x′ entries of kernel matrices): the
 * erfcx form, and below q = 1e-5 the series
 * E[(eᵘ−1)²; u&lt;0] = q/2 − √(2/π)q^{3/2} + (7/8)q² − √(2/π)q^{5/2} + (31/48)q³ (note §2.3).
 * φ′(0) is taken as α (left derivative).
 *
 * <p>Speed: on the scalar Φ₂ route each entry costs three Φ₂ (up to ≈ 130 exponentials), on the vector
 * three series evaluations and two erfcx where |ρ| &lt; 0.7 (one Φ₂ for A beyond), on the integral route
 * ≈ 200 evaluations of the integrands (10–50 µs scalar). When the JVM runs with
 * {@code --add-modules jdk.incubator.vector} ({@link VectorModule#PRESENT}), both routes run over vector
 * lanes, for the pair methods and the kernel-matrix block method alike, so both give the same bits:
 * <ul>
 *   <li>the entries of the Φ₂ route with ρ strictly inside (−1, 1) ({@link #vectorRoute}) by
 *       {@link EluBlock}, one lane per entry — the same formulas with the series for D (|ρ| &lt; 0.7; else
 *       Genz's algorithm), B₁ and B₂, and exp, erfcx, Φ built from exact lane operations, equal to this scalar code to
 *       ≈ 1e-15 on the pieces' scale once the scalar B's e^{q/2}-scaled Φ₂ error is taken out (EluBlockTest);</li>
 *   <li>the entries of the integral route with σ &gt; 0 ({@link #integralVectorRoute}) by
 *       {@link VectorEluIntegrals}, the lanes over one entry's quadrature nodes — the same rule and
 *       integrands, 12–16× faster per entry (EluIntegralsBenchmark), within 8e-16 of 40-digit sums over
 *       the same rule and within 3e-14 of the scalar code on the kernels' scale (VectorEluIntegralsTest).</li>
 * </ul>
 * Without the module, the scalar code below.
 */
public record Elu(double alpha) implements Activation {

    private static final double BVN_MIN_VARIANCE = 0.01;
    /** The scalar Φ₂ route's largest variance ({@link Pieces#bvn}: its B's carry e^{q/2} × Φ₂'s error). */
    private static final double SCALAR_BVN_MAX_VARIANCE = 12;
    /**
     * The vector Φ₂ route's largest variance ({@link EluBlock}: B's by {@link EluOrthantSeries}, accurate
     * to s² = 32). What limits it is A's Φ₂: Genz's Plackett sum cancels against Φ(−h)Φ(−k) for ρ &lt; 0,
     * an error ε·e^{(q11+2q12+q22)/2}Φ(−h)Φ(−k) ≈ ε·e^{q/4} in A at ρ = −1/2 (Ṫ: 3.5e-15 relative at
     * q ≤ 12, 1e-13 at 24, 5e-13 at 28, 1.6e-12 at 32, 1.4e-11 at 40), and the expansion branch loses
     * relative accuracy just above |ρ| = 0.925 as q grows (Ṫ: 5e-15 at 12, 1.4e-13 at 24, 3.5e-13 at 28).
     */
    private static final double BVN_MAX_VARIANCE = 24;
    private static final double SERIES_BELOW = 1e-5;
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double INTEGRAL_MIN_VARIANCE = 0x1p-100, INTEGRAL_MAX_VARIANCE = 0x1p100;
    /** The most graded levels of the conditional integrals' rule that the vector route takes. */
    static final int INTEGRAL_MAX_LEVELS = 64;
    /** Whether both routes run over vector lanes ({@link EluBlock}, {@link VectorEluIntegrals}); else scalar. */
    private static final boolean VECTOR = VectorModule.PRESENT;

    public Elu {
        Checks.finite("alpha", alpha);
    }

    @Override
    public String name() {
        return "ELU(" + alpha + ")";
    }

    @Override
    public double phi(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double dphi(double x) {
        return x > 0 ? 1 : alpha * Math.exp(x);
    }

    @Override
    public double[] kinks() {
        return new double[] {0.0};
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        if (q11 == 0 || q22 == 0) {
            return 0; // φ(0) = 0
        }
        if (q12 == q11 && q22 == q11) {
            return diag(q11); // u = v
        }
        if (VECTOR && vectorRoute(q11, q12, q22)) {
            double[] out = new double[2];
            EluBlock.pair(alpha, q11, q12, q22, out);
            return out[0];
        }
        Pieces p = pieces(q11, q12, q22);
        return AbRelu.relu().t(q11, q12, q22) + alpha * (p.c12 + p.c21) + alpha * alpha * p.d;
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        if (q11 == 0 || q22 == 0) {
            return dphi(0) * (0.5 + alpha * 0.5 * StandardNormal.erfcx(Math.sqrt(Math.max(q11, q22) / 2)));
        }
        if (q12 == q11 && q22 == q11) {
            return diagDot(q11);
        }
        if (VECTOR && vectorRoute(q11, q12, q22)) {
            double[] out = new double[2];
            EluBlock.pair(alpha, q11, q12, q22, out);
            return out[1];
        }
        Pieces p = pieces(q11, q12, q22);
        return AbRelu.relu().tDot(q11, q12, q22) + alpha * (p.x12 + p.x21) + alpha * alpha * p.a;
    }

    /**
     * T and Ṫ from one evaluation of the Gaussian pieces (on the Φ₂ route three Φ₂ calls instead of six, on
     * the integral route one pass over the nodes instead of two). The same expressions as {@link #t} and
     * {@link #tDot}, so the same values (on the vector route the same lane code, so the same bits).
     */
    @Override
    public void tAndTDot(double q11, double q12, double q22, double[] out) {
        if (VECTOR && vectorRoute(q11, q12, q22)) {
            Checks.covariance(q11, q12, q22); // passes: the route implies Checks' fast acceptance
            EluBlock.pair(alpha, q11, q12, q22, out);
            return;
        }
        if (q11 != 0 && q22 != 0 && !(q12 == q11 && q22 == q11)) {
            Checks.covariance(q11, q12, q22);
            Pieces p = pieces(q11, q12, q22);
            AbRelu.relu().tAndTDot(q11, q12, q22, out); // ReLU's T and Ṫ from one angle, as t and tDot get them
            out[0] = out[0] + alpha * (p.c12 + p.c21) + alpha * alpha * p.d;
            out[1] = out[1] + alpha * (p.x12 + p.x21) + alpha * alpha * p.a;
            return;
        }
        double t = t(q11, q12, q22);
        out[1] = tDot(q11, q12, q22);
        out[0] = t;
    }

    /**
     * {@inheritDoc}
     *
     * <p>With the Vector API ({@link VectorModule#PRESENT}) the entries on {@link #vectorRoute} are
     * computed over vector lanes ({@link EluBlock}), by the same code as the pair methods use, so the
     * block and the pairs give the same bits; the other entries go through the pair method one by one.
     */
    @Override
    public void tAndTDot(double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        if (VECTOR) {
            EluBlock.block(this, q11, q22, from, q12, ntk12, count);
        } else {
            Activation.super.tAndTDot(q11, q22, from, q12, ntk12, count);
        }
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        double negative;
        if (q < SERIES_BELOW) {
            double s = Math.sqrt(q);
            negative = q * (0.5 + s * (-SQRT_2_OVER_PI + s * (7.0 / 8 + s * (-SQRT_2_OVER_PI + s * 31.0 / 48))));
        } else {
            negative = 0.5 * StandardNormal.erfcx(Math.sqrt(2 * q)) - StandardNormal.erfcx(Math.sqrt(q / 2)) + 0.5;
        }
        return q / 2 + alpha * alpha * negative;
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return 0.5 + alpha * alpha * 0.5 * StandardNormal.erfcx(Math.sqrt(2 * q));
    }

    /**
     * The Φ₂ route needs moderate variances (no overflow, no cancellation), at any ρ: Φ₂ gets
     * √(1 − ρ²) = √(q11q22 − q12²)/(s₁s₂) formed from the covariance, not from the rounded ρ (whose
     * 1 − ρ² is only good to ε/(1 − |ρ|), 1e-4 at 1 − |ρ| = 1e-12), and Genz's expansion branch
     * (|ρ| ≥ 0.925) is accurate up to ρ = ±1 with it (note §2.3, pitfall P4). Variances in [0.01, 12]; with
     * the Vector API up to 24 ({@link EluBlock#rule} gives A's Φ₂ enough points there). Of those
     * entries above 12, the vector code takes all but ρ = ±1 exactly ({@link #vectorRoute}), which keep
     * the integral route ({@link #pieces}: the scalar Φ₂ route stops at 12). A function of the entry alone
     * (for a given JVM); {@link EluBlock} builds the series of the columns with {@code useBvn(q, 0, q)}.
     */
    static boolean useBvn(double q11, double q12, double q22) {
        double high = Math.max(q11, q22);
        return Math.min(q11, q22) >= BVN_MIN_VARIANCE && (high <= SCALAR_BVN_MAX_VARIANCE
                || VECTOR && high <= BVN_MAX_VARIANCE);
    }

    /**
     * Entries that the vector code takes when the Vector API is present: the Φ₂ route with
     * q11q22 − q12² &gt; 0 (fma-exact, {@link Angles#determinant}). That excludes ρ = ±1 exactly, x = x′
     * (q11 = q12 = q22) and NaN, and implies {@link Checks#covariance}'s fast acceptance; those and all
     * other entries keep the scalar code. A function of the entry alone, so the pair methods and the
     * block method route every entry alike.
     */
    static boolean vectorRoute(double q11, double q12, double q22) {
        return useBvn(q11, q12, q22) && Angles.determinant(q11, q12, q22) > 0;
    }

    /**
     * The pieces by the route the entry takes: Φ₂ for moderate variances, else the conditional
     * integrals, over vector lanes ({@link VectorEluIntegrals}) on {@link #integralVectorRoute} when the
     * Vector API is present, else scalar ({@link EluConditionalIntegrals}).
     */
    private static Pieces pieces(double q11, double q12, double q22) {
        if (useBvn(q11, q12, q22) && Math.max(q11, q22) <= SCALAR_BVN_MAX_VARIANCE) {
            return Pieces.bvn(q11, q12, q22);
        }
        if (VECTOR && integralVectorRoute(q11, q12, q22)) {
            return VectorEluIntegrals.pieces(q11, q12, q22);
        }
        return Pieces.integrals(q11, q12, q22);
    }

    /**
     * Entries whose conditional integrals the vector code computes ({@link VectorEluIntegrals}) when the
     * Vector API is present: off the Φ₂ route, with q11q22 − q12² &gt; 0 (fma-exact, so σ &gt; 0: ρ = ±1
     * exactly, x = x′ and NaN are excluded), both variances in [2⁻¹⁰⁰, 2¹⁰⁰] (σ², s₂|ρ|·z and t = m/σ
     * far from under- and overflow) and a rule of at most {@link #INTEGRAL_MAX_LEVELS} graded levels
     * (smallest scale ≥ 2⁻⁶⁴; the rules are cached per level count). The other entries keep the scalar
     * code. A function of the entry alone, so the pair methods and the block method route every entry
     * alike; bad input never takes it (an invalid q12 makes the determinant negative), so
     * {@link Checks#covariance} still names it.
     */
    static boolean integralVectorRoute(double q11, double q12, double q22) {
        return q11 >= INTEGRAL_MIN_VARIANCE && q11 <= INTEGRAL_MAX_VARIANCE && q22 >= INTEGRAL_MIN_VARIANCE
                && q22 <= INTEGRAL_MAX_VARIANCE && !useBvn(q11, q12, q22) && Angles.determinant(q11, q12, q22) > 0
                && EluConditionalIntegrals.levels(q11, q12, q22) <= INTEGRAL_MAX_LEVELS;
    }

    /** The Gaussian pieces of the kernels; package-private so that tests can compare both routes. */
    record Pieces(double c12, double c21, double d, double x12, double x21, double a) {

        /** Closed form with Φ₂; accurate for moderate variances only. */
        static Pieces bvn(double q11, double q12, double q22) {
            double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22);
            double rho = Math.max(-1, Math.min(1, q12 / (s1 * s2)));
            double r = Math.min(1, Angles.sinTheta(q11, q12, q22) / (s1 * s2));
            double a = Math.exp((q11 + 2 * q12 + q22) / 2) * BivariateNormal.cdf(-(s1 + rho * s2), -(rho * s1 + s2), rho, r);
            double b1 = Math.exp(q11 / 2) * BivariateNormal.cdf(-s1, -rho * s1, rho, r);
            double b2 = Math.exp(q22 / 2) * BivariateNormal.cdf(-rho * s2, -s2, rho, r);
            double x12 = 0.5 * StandardNormal.erfcx(s2 / StandardNormal.SQRT_2) - b2;
            double x21 = 0.5 * StandardNormal.erfcx(s1 / StandardNormal.SQRT_2) - b1;
            double p0 = (Math.PI - Angles.theta(q11, q12, q22)) / (2 * Math.PI);
            double c12 = q12 * x12 + s1 / StandardNormal.SQRT_2PI * (0.5 * StandardNormal.erfcx(r * s2 / StandardNormal.SQRT_2) - 0.5);
            double c21 = q12 * x21 + s2 / StandardNormal.SQRT_2PI * (0.5 * StandardNormal.erfcx(r * s1 / StandardNormal.SQRT_2) - 0.5);
            return new Pieces(c12, c21, a - b1 - b2 + p0, x12, x21, a);
        }

        /** 1-D integrals of closed-form conditional expectations ({@link EluConditionalIntegrals}). */
        static Pieces integrals(double q11, double q12, double q22) {
            return EluConditionalIntegrals.pieces(q11, q12, q22);
        }
    }
}
