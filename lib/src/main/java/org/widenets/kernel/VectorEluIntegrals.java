package org.widenets.kernel;

import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * ELU's six kernel pieces off the Φ₂ route ({@link Elu}: a variance below 0.01 or above 24) over vector
 * lanes: the integrals of {@link EluConditionalIntegrals}, same rule, same integrands, with the lanes
 * running over the quadrature nodes of one entry. Only loaded when {@link VectorModule#PRESENT}.
 *
 * <p>Why lanes over nodes rather than over entries (as {@link EluBlock} does for the Φ₂ route): an
 * entry's rule depends on the entry (its number of graded levels), so lanes over entries would need
 * entries grouped by rule; over nodes every entry fills its ≈ 60–700 lanes alone, the pair methods get
 * the full speed-up, and an entry's value is a function of that entry only (the lanes are summed in a
 * fixed order at the end), so the pair methods and kernel-matrix blocks give the same bits. The node
 * abscissae z and weights w·φ(z) depend only on the number of levels; they are computed once per level
 * count (lazily, {@link EluConditionalIntegrals#rule}, the scalar route's numbers) and shared.
 *
 * <p>Per node, the scalar code's branches become blends of computed alternatives, with arguments clamped
 * so that the alternative not taken stays finite:
 * <ul>
 *   <li>Φ(±t), φ(t), t = m/σ: ½erfcx(|t|/√2)·e^{−t²/2} as in {@link StandardNormal#erfc}, the tail on
 *       the side of the sign of t, 1 − it on the other (as the scalar code).</li>
 *   <li>E[eᵛ; v &lt; 0] at ±m: ½erfcx((σ ± t)/√2)·e^{−t²/2} when σ ± t ≥ 0, else
 *       e^{±m+σ²/2} − ½erfcx(−(σ ± t)/√2)·e^{−t²/2} (the exponent clamped at 0: where it is positive this
 *       alternative is not taken).</li>
 *   <li>E[eᵛ − 1; v &lt; 0] at ±m: E[eᵛ; v&lt;0] − Φ(∓t), except for σ &lt; 0.5 and |m| &lt; 1 (the scalar
 *       code's branch), where that difference cancels; there −E[eᵛ; v&lt;0]·expm1(−μ) − (Φ(x) − Φ(x − σ))
 *       with μ = ±m + σ²/2, x = ∓t: the scalar code's Φ(x − σ)·expm1(μ) − (Φ(x) − Φ(x − σ)), using
 *       Φ(x − σ) = e^{−μ}E[eᵛ; v&lt;0]. The mass Φ(x) − Φ(x − σ) = σφ(t)·F(∓m, σ²/2) with
 *       F(a, b) = ∫₀¹ e^{au − bu²} du = Σₙ cₙ/(n + 1), c₀ = 1, c₁ = a, (n + 1)cₙ₊₁ = a·cₙ − 2b·cₙ₋₁
 *       (the Taylor coefficients of e^{au − bu²}; here |a| &lt; 1 and b &lt; 1/8, and c₀ … c₂₁ are exact
 *       to rounding): F(−a, b) has the coefficients (−1)ⁿcₙ, so one recurrence gives both signs, where
 *       the scalar code integrates φ at 8 Gauss points each.</li>
 * </ul>
 * Entries whose σ is 0 (ρ = ±1), with a variance outside [2⁻¹⁰⁰, 2¹⁰⁰] or whose rule would need more
 * than {@link Elu#INTEGRAL_MAX_LEVELS} levels keep the scalar code ({@link Elu#integralVectorRoute}).
 *
 * <p>Accuracy: within 8e-16 relative of every piece summed over the same rule with 40-digit conditional
 * expectations, where the scalar code, with Φ(x − σ)·expm1(μ) and 8-point Gauss on φ, is off by up to
 * 1e-7 relative on pieces far below their scale (and 3e-14 on it); 5e-15 of the kernels' scale from the
 * 2-D quadrature (VectorEluIntegralsTest, EluGeluReferenceTest). Speed: 12–16× the scalar code per entry
 * (EluIntegralsBenchmark; 60–460 nodes, ≈ 2–4 µs per entry on a loaded 2-core AVX-512 machine).
 */
final class VectorEluIntegrals {

    private static final VectorSpecies<Double> SPECIES = VectorNormal.SPECIES;
    private static final int LANES = VectorNormal.LANES;
    private static final double INVERSE_SQRT_2 = 1 / StandardNormal.SQRT_2, INVERSE_SQRT_2PI = 1 / StandardNormal.SQRT_2PI;
    /** The scalar code's small-σ, small-|m| branch of E[eᵛ − 1; v &lt; 0]. */
    private static final double SMALL_SIGMA = 0.5, SMALL_MEAN = 1;
    /** The mass series stops at c₂₁ (c₀ … c₂₀ already agree with 60 terms to rounding, |a| ≤ 1, b ≤ 1/8). */
    private static final int SERIES_TERMS = 20;
    /** 1/n. */
    private static final double[] INVERSES = new double[SERIES_TERMS + 3];
    /** The largest rule, padded to whole vectors: the size of the per-thread work arrays. */
    private static final int MAX_NODES = VectorNormal.padded(EluConditionalIntegrals.nodeCount(Elu.INTEGRAL_MAX_LEVELS));

    static {
        for (int n = 1; n < INVERSES.length; n++) {
            INVERSES[n] = 1.0 / n;
        }
    }

    /** The rule with {@code levels} graded levels, nodes padded to whole vectors with weight 0. */
    private record Rule(double[] z, double[] weights, int count) {

        static Rule of(int levels) {
            int n = EluConditionalIntegrals.nodeCount(levels), padded = VectorNormal.padded(n);
            double[] z = new double[padded], weights = new double[padded];
            EluConditionalIntegrals.rule(levels, z, weights);
            // padding: a valid node (every integrand finite there) with weight 0
            java.util.Arrays.fill(z, n, padded, z[n - 1]);
            return new Rule(z, weights, padded);
        }
    }

    /** Rules by number of levels, built on first use; a rule never changes once published. */
    private static final AtomicReferenceArray<Rule> RULES = new AtomicReferenceArray<>(Elu.INTEGRAL_MAX_LEVELS + 1);

    private VectorEluIntegrals() {
    }

    private static Rule rule(int levels) {
        Rule rule = RULES.get(levels);
        if (rule == null) {
            // two threads may both build it: the same numbers, and the first one published wins
            RULES.compareAndSet(levels, null, Rule.of(levels));
            rule = RULES.get(levels);
        }
        return rule;
    }

    /**
     * The six pieces of an entry on {@link Elu#integralVectorRoute} (so σ &gt; 0 and the rule has at most
     * {@link Elu#INTEGRAL_MAX_LEVELS} levels); the parameters are those of
     * {@link EluConditionalIntegrals#pieces}, computed by the same scalar expressions.
     */
    static Elu.Pieces pieces(double q11, double q12, double q22) {
        double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22);
        double rho = Math.max(-1, Math.min(1, q12 / (s1 * s2)));
        double r = Math.min(1, Angles.sinTheta(q11, q12, q22) / (s1 * s2));
        double sigma = s2 * r;
        Rule rule = rule(EluConditionalIntegrals.levels(s1, s2, rho, r));
        Work w = WORK.get();
        int n = rule.count;
        boolean small = sigma < SMALL_SIGMA;
        prepare(rule, s1, s2 * rho, sigma, small, w);
        VectorNormal.erfcx(w.erfcx, 0, 3 * n);
        VectorNormal.exp(w.exp, 0, 3 * n);
        VectorNormal.expm1(w.expm1, w.expOfExpm1, 0, small ? 3 * n : n);
        integrate(rule, s1, s2 * rho, sigma, small, w);
        double[] sums = w.sums;
        double c12 = 0, x12 = 0, c21 = 0, d = 0, x21 = 0, a = 0;
        for (int lane = 0; lane < LANES; lane++) { // a fixed order: the same bits wherever the entry is
            c12 += sums[lane];
            x12 += sums[LANES + lane];
            c21 += sums[2 * LANES + lane];
            d += sums[3 * LANES + lane];
            x21 += sums[4 * LANES + lane];
            a += sums[5 * LANES + lane];
        }
        return new Elu.Pieces(c12, c21, d, x12, x21, a);
    }

    /**
     * The arguments of the entry's transcendental functions at every node z (m = s₂ρz, t = m/σ):
     * erfcx of |t|/√2, |t + σ|/√2, |σ − t|/√2; exp of −(|t|/√2)², min(m + σ²/2, 0), min(−m + σ²/2, 0);
     * expm1 (with exp) of −s₁z, and when σ &lt; ½ of −(±m + σ²/2) clamped to [−2, 2] (taken only
     * where |m| &lt; 1, so |μ| &lt; 9/8).
     */
    private static void prepare(Rule rule, double s1, double slope, double sigma, boolean small, Work w) {
        int n = rule.count;
        double halfSigmaSquared = 0.5 * sigma * sigma;
        for (int o = 0; o < n; o += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, rule.z, o);
            DoubleVector m = z.mul(slope), t = m.div(sigma);
            DoubleVector a = t.abs().mul(INVERSE_SQRT_2);
            a.intoArray(w.erfcx, o);
            t.add(sigma).abs().mul(INVERSE_SQRT_2).intoArray(w.erfcx, n + o);
            t.neg().add(sigma).abs().mul(INVERSE_SQRT_2).intoArray(w.erfcx, 2 * n + o);
            a.mul(a).neg().intoArray(w.exp, o);
            DoubleVector mu = m.add(halfSigmaSquared), muNegative = m.neg().add(halfSigmaSquared);
            mu.min(0.0).intoArray(w.exp, n + o);
            muNegative.min(0.0).intoArray(w.exp, 2 * n + o);
            z.mul(-s1).intoArray(w.expm1, o);
            if (small) {
                mu.neg().max(-2.0).min(2.0).intoArray(w.expm1, n + o);
                muNegative.neg().max(-2.0).min(2.0).intoArray(w.expm1, 2 * n + o);
            }
        }
    }

    /** The six integrands at z and −z, weighted and summed per lane into w.sums (six vectors). */
    private static void integrate(Rule rule, double s1, double slope, double sigma, boolean small, Work w) {
        int n = rule.count;
        double sigmaSquared = sigma * sigma;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c12 = zero, x12 = zero, c21 = zero, d = zero, x21 = zero, aSum = zero;
        for (int o = 0; o < n; o += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, rule.z, o);
            DoubleVector weight = DoubleVector.fromArray(SPECIES, rule.weights, o);
            DoubleVector m = z.mul(slope), t = m.div(sigma);
            DoubleVector a = t.abs().mul(INVERSE_SQRT_2), square = a.mul(a);
            // e^{−t²/2} = e^{−a²} with a² split exactly by fma (StandardNormal.erfc)
            DoubleVector gauss = DoubleVector.fromArray(SPECIES, w.exp, o).mul(a.fma(a, square.neg()).neg().add(1));
            DoubleVector tail = DoubleVector.fromArray(SPECIES, w.erfcx, o).mul(gauss).mul(0.5);
            DoubleVector pdf = gauss.mul(INVERSE_SQRT_2PI);
            VectorMask<Double> tNonNegative = t.compare(VectorOperators.GE, 0);
            DoubleVector cdfMinusT = tail.neg().add(1).blend(tail, tNonNegative);   // Φ(−t)
            DoubleVector cdfT = tail.blend(tail.neg().add(1), tNonNegative);       // Φ(t)
            // E[eᵛ; v<0] at z (mean m) and −z (mean −m)
            DoubleVector upper = DoubleVector.fromArray(SPECIES, w.erfcx, n + o).mul(gauss).mul(0.5);
            DoubleVector ne = DoubleVector.fromArray(SPECIES, w.exp, n + o).sub(upper)
                    .blend(upper, t.add(sigma).compare(VectorOperators.GE, 0));
            DoubleVector upperNegative = DoubleVector.fromArray(SPECIES, w.erfcx, 2 * n + o).mul(gauss).mul(0.5);
            DoubleVector neNegative = DoubleVector.fromArray(SPECIES, w.exp, 2 * n + o).sub(upperNegative)
                    .blend(upperNegative, t.neg().add(sigma).compare(VectorOperators.GE, 0));
            // E[eᵛ − 1; v<0]
            DoubleVector np = ne.sub(cdfMinusT), npNegative = neNegative.sub(cdfT);
            if (small) {
                VectorMask<Double> near = m.abs().compare(VectorOperators.LT, SMALL_MEAN);
                if (near.anyTrue()) {
                    // F(∓m, σ²/2) from one recurrence in a = −m: even and odd terms
                    DoubleVector x = m.neg().max(-SMALL_MEAN).min(SMALL_MEAN);
                    DoubleVector previous = DoubleVector.broadcast(SPECIES, 1.0), current = x;
                    DoubleVector even = previous, odd = x.mul(INVERSES[2]);
                    for (int k = 1; k < SERIES_TERMS; k += 2) {
                        DoubleVector cEven = x.mul(current).sub(previous.mul(sigmaSquared)).mul(INVERSES[k + 1]);
                        DoubleVector cOdd = x.mul(cEven).sub(current.mul(sigmaSquared)).mul(INVERSES[k + 2]);
                        even = cEven.mul(INVERSES[k + 2]).add(even);
                        odd = cOdd.mul(INVERSES[k + 3]).add(odd);
                        previous = cEven;
                        current = cOdd;
                    }
                    DoubleVector massScale = pdf.mul(sigma);
                    DoubleVector mass = even.add(odd).mul(massScale), massNegative = even.sub(odd).mul(massScale);
                    DoubleVector smallNp = ne.mul(DoubleVector.fromArray(SPECIES, w.expm1, n + o)).neg().sub(mass);
                    DoubleVector smallNpNegative = neNegative.mul(DoubleVector.fromArray(SPECIES, w.expm1, 2 * n + o))
                            .neg().sub(massNegative);
                    np = np.blend(smallNp, near);
                    npNegative = npNegative.blend(smallNpNegative, near);
                }
            }
            // E[max(v, 0)] at −z: σ(φ(t) − tΦ(−t))
            DoubleVector positive = t.neg().fma(cdfMinusT, pdf).mul(sigma);
            DoubleVector em1 = DoubleVector.fromArray(SPECIES, w.expm1, o), eu = DoubleVector.fromArray(SPECIES, w.expOfExpm1, o);
            c12 = weight.mul(s1).mul(z).fma(np, c12);
            x12 = weight.fma(ne, x12);
            DoubleVector weightEm1 = weight.mul(em1), weightEu = weight.mul(eu);
            c21 = weightEm1.fma(positive, c21);
            d = weightEm1.fma(npNegative, d);
            x21 = weightEu.fma(cdfMinusT, x21);
            aSum = weightEu.fma(neNegative, aSum);
        }
        c12.intoArray(w.sums, 0);
        x12.intoArray(w.sums, LANES);
        c21.intoArray(w.sums, 2 * LANES);
        d.intoArray(w.sums, 3 * LANES);
        x21.intoArray(w.sums, 4 * LANES);
        aSum.intoArray(w.sums, 5 * LANES);
    }

    /** Per-thread working arrays, sized for the largest rule. */
    private static final class Work {
        final double[] erfcx = new double[3 * MAX_NODES], exp = new double[3 * MAX_NODES];
        final double[] expm1 = new double[3 * MAX_NODES], expOfExpm1 = new double[3 * MAX_NODES];
        final double[] sums = new double[6 * LANES];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);
}
