package org.widenets.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, erfcx and Φ over arrays, a vector of lanes at a time: the vector counterparts of {@link Math#exp}
 * and {@link StandardNormal}, for the vectorised bivariate normal CDF and ELU kernels.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: JDK 17 computes it with Intel's SVML stubs only in
 * C2-compiled code and with a per-lane {@link Math#exp} otherwise, so one input could give different
 * numbers before and after the JIT has compiled a loop (and the kernel matrices would stop equalling the
 * pair path). Everything here is built from lanewise add, multiply, fma, divide, square root, min, max,
 * compare-and-blend and bit operations: IEEE-exact operations that give the same bits compiled or
 * interpreted, on any vector length; a lane's value never depends on the other lanes.
 *
 * <p>Why whole arrays rather than functions of one vector: C2 stops inlining a compilation's calls to
 * ordinary methods once it holds about 18 000 nodes (NodeCountInliningCutoff), which a few dozen Vector
 * API operations reach; a vector passed to or returned from a method that was not inlined is boxed on
 * the heap, which made the first version 10× slower than its arithmetic. So each method here is one loop
 * over an array with its vector code written inside, calling nothing but the Vector API (whose methods
 * are force-inlined); callers pass arrays, never vectors. Only available with {@link VectorModule#PRESENT}.
 */
final class VectorNormal {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    // exp: Cody–Waite reduction x = k·ln 2 + r, |r| ≤ ln 2 / 2, with fdlibm's split of ln 2 (LN2_HI has
    // 21 trailing zero bits, so k·LN2_HI and x − k·LN2_HI are exact for |k| < 2²⁰).
    private static final double LOG2E = 1.44269504088896338700e+00;
    private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    /** Adding 1.5·2⁵² rounds |y| &lt; 2⁵¹ to an integer k and leaves k in the low bits of the sum. */
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** exp(−746) rounds to 0 and exp(710) overflows: clamping there keeps k within ±1076. */
    private static final double EXP_LOW = -746, EXP_HIGH = 710;
    // Taylor coefficients 1/n!, n = 2 … 13: the remainder r¹⁴/14! ≤ 4e-18 for |r| ≤ ln 2 / 2.
    private static final double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720,
            E7 = 1.0 / 5040, E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800, E11 = 1.0 / 39916800,
            E12 = 1.0 / 479001600, E13 = 1.0 / 6227020800L;

    /** Beyond |z| = 40 erfc(z) is 0 in double (it underflows from z ≈ 27.3). */
    private static final double ERFC_CUTOFF = 40;

    /**
     * Chebyshev coefficients of g(t) = (1 + 2z)·erfcx(z) in t = (z − 3)/(z + 3) ∈ [−1, 1] (z ∈ [0, ∞]; the
     * map and the factor 1 + 2z after Shepherd and Laframboise, Math. Comp. 36 (1981) 249–253, with
     * k = 3): mpmath at 50 digits, interpolation at 48 Chebyshev nodes, the first 26 kept (truncation
     * error 6.5e-18; g lies between 1 (z = 0) and 2/√π (z = ∞), so that is relative).
     */
    private static final double[] ERFCX_SERIES = {1.17756257419656, 0.005353904539615676, -0.09377550342284209,
            0.05436652555744322, -0.018976596707845208, 0.004453426061462712, -0.0006335531710553147,
            1.7661719523171593e-05, 1.2841532864056671e-05, -2.0072285659059913e-06, -1.807522790414837e-07,
            7.549828343825093e-08, 1.885668523838603e-09, -2.699519049798364e-09, -1.460079119939105e-11,
            1.0361607445969489e-10, 1.475715976623473e-12, -4.277340064396911e-12, -2.07922492859799e-13,
            1.8134502003176963e-13, 1.973425574544739e-14, -7.287943737592673e-15, -1.5169878690228116e-15,
            2.3514112258781403e-16, 1.0006111691821667e-16, -2.0572528169538546e-18};
    /** Above this z the map t = (z − 3)/(z + 3) is 1 in double; capping it keeps +∞ from giving ∞/∞. */
    private static final double ERFCX_MAP_CAP = 0x1p1000;

    private VectorNormal() {
    }

    /**
     * values[i] ← e^{values[i]} for from ≤ i &lt; to (to − from a whole number of vectors): within 1 ulp
     * of the exact value for results in the normal range (tested against {@link StrictMath#exp}); results
     * below 2⁻¹⁰²² rounded to the subnormal grid (0 below e^{−745.2}), above e^{709.78} +∞, NaN stays NaN.
     *
     * <p>k = round(x/ln 2) by the 1.5·2⁵² shifter, r = x − k·ln 2 (Cody–Waite, fma), e^r by its Taylor
     * polynomial as 1 + (r + r²·q(r)), and 2^k as two powers of two 2^{⌊k/2⌋}·2^{k − ⌊k/2⌋} built from
     * their exponent bits, so that both stay normal over the whole clamped range and the only rounding
     * into the subnormal range is the last product.
     */
    static void exp(double[] values, int from, int to) {
        DoubleVector low = DoubleVector.broadcast(SPECIES, EXP_LOW), high = DoubleVector.broadcast(SPECIES, EXP_HIGH);
        DoubleVector log2e = DoubleVector.broadcast(SPECIES, LOG2E), shifter = DoubleVector.broadcast(SPECIES, SHIFTER);
        DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, -LN2_HI), ln2Lo = DoubleVector.broadcast(SPECIES, -LN2_LO);
        DoubleVector e2 = DoubleVector.broadcast(SPECIES, E2), e3 = DoubleVector.broadcast(SPECIES, E3),
                e4 = DoubleVector.broadcast(SPECIES, E4), e5 = DoubleVector.broadcast(SPECIES, E5),
                e6 = DoubleVector.broadcast(SPECIES, E6), e7 = DoubleVector.broadcast(SPECIES, E7),
                e8 = DoubleVector.broadcast(SPECIES, E8), e9 = DoubleVector.broadcast(SPECIES, E9),
                e10 = DoubleVector.broadcast(SPECIES, E10), e11 = DoubleVector.broadcast(SPECIES, E11),
                e12 = DoubleVector.broadcast(SPECIES, E12), e13 = DoubleVector.broadcast(SPECIES, E13);
        for (int i = from; i < to; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, values, i).max(low).min(high);
            DoubleVector shifted = x.fma(log2e, shifter);
            DoubleVector k = shifted.sub(shifter);
            DoubleVector r = k.fma(ln2Hi, x);
            r = k.fma(ln2Lo, r);
            DoubleVector q = r.fma(e13, e12).fma(r, e11).fma(r, e10).fma(r, e9).fma(r, e8).fma(r, e7).fma(r, e6)
                    .fma(r, e5).fma(r, e4).fma(r, e3).fma(r, e2);
            DoubleVector expm1 = r.mul(r).fma(q, r);
            LongVector kBits = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            LongVector k1 = kBits.lanewise(VectorOperators.ASHR, 1);
            LongVector k2 = kBits.sub(k1);
            DoubleVector scale1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector scale2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            expm1.fma(scale1, scale1).mul(scale2).intoArray(values, i);
        }
    }

    /**
     * values[i] ← erfcx(values[i]) = e^{z²}erfc(z) for arguments z ≥ 0 (and +∞, which gives 0),
     * from ≤ i &lt; to. One Chebyshev series for all z: erfcx(z) = g(t)/(1 + 2z) with t = (z − 3)/(z + 3)
     * ({@link #ERFCX_SERIES}), by Clenshaw's recurrence in fma form (bₖ = 2t·bₖ₊₁ + (cₖ − bₖ₊₂)), two
     * vectors at a time (one recurrence alone is latency-bound: 28% slower per value, measured). The
     * scalar {@link StandardNormal#erfcx} switches at 3 from a series to a continued fraction of 30
     * dependent divisions; over lanes that would mean computing both wherever the lanes straddle 3.
     * Within 3.3 ulp of the exact value, the scalar one within 3.6 (mpmath, 4000 points; tested against it).
     */
    static void erfcx(double[] values, int from, int to) {
        double[] c = ERFCX_SERIES;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = from;
        // two vectors per step: two independent recurrences keep the fma units busy (one chain is
        // latency-bound, 4 cycles per term)
        for (; i + LANES < to; i += 2 * LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, values, i);
            DoubleVector y = DoubleVector.fromArray(SPECIES, values, i + LANES);
            DoubleVector cz = z.min(ERFCX_MAP_CAP), cy = y.min(ERFCX_MAP_CAP);
            DoubleVector tz = cz.sub(3).div(cz.add(3)), ty = cy.sub(3).div(cy.add(3));
            DoubleVector twoTz = tz.mul(2), twoTy = ty.mul(2);
            DoubleVector bz1 = zero, bz2 = zero, by1 = zero, by2 = zero;
            for (int k = c.length - 1; k >= 1; k--) {
                DoubleVector ck = DoubleVector.broadcast(SPECIES, c[k]);
                DoubleVector bz0 = twoTz.fma(bz1, ck.sub(bz2)), by0 = twoTy.fma(by1, ck.sub(by2));
                bz2 = bz1;
                bz1 = bz0;
                by2 = by1;
                by1 = by0;
            }
            DoubleVector c0 = DoubleVector.broadcast(SPECIES, c[0]);
            tz.fma(bz1, c0.sub(bz2)).div(z.mul(2).add(1)).intoArray(values, i);
            ty.fma(by1, c0.sub(by2)).div(y.mul(2).add(1)).intoArray(values, i + LANES);
        }
        for (; i < to; i += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, values, i);
            DoubleVector capped = z.min(ERFCX_MAP_CAP);
            DoubleVector t = capped.sub(3).div(capped.add(3)), twoT = t.mul(2);
            DoubleVector b1 = zero, b2 = zero;
            for (int k = c.length - 1; k >= 1; k--) {
                DoubleVector b0 = twoT.fma(b1, DoubleVector.broadcast(SPECIES, c[k]).sub(b2));
                b2 = b1;
                b1 = b0;
            }
            t.fma(b1, DoubleVector.broadcast(SPECIES, c[0]).sub(b2)).div(z.mul(2).add(1)).intoArray(values, i);
        }
    }

    /**
     * values[i] ← Φ(values[i]) for i &lt; n (a whole number of vectors), as {@link StandardNormal#cdf}:
     * ½erfc(−x/√2) with erfc(z) = erfcx(|z|)·e^{−z²} (z² split exactly by fma) and 2 − erfc(|z|) for
     * z &lt; 0, accurate in relative terms into the lower tail. |z| is capped at 40, where erfc is 0 in
     * double, so that ±∞ give 1 and 0. scratch holds at least 2n values.
     */
    static void cdf(double[] values, double[] scratch, int n) {
        for (int i = 0; i < n; i += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, values, i).div(StandardNormal.SQRT_2).abs().min(ERFC_CUTOFF);
            a.intoArray(scratch, i);
            a.mul(a).neg().intoArray(scratch, n + i);
        }
        erfcx(scratch, 0, n);
        exp(scratch, n, 2 * n);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, values, i);
            DoubleVector z = x.neg().div(StandardNormal.SQRT_2);
            DoubleVector a = z.abs().min(ERFC_CUTOFF);
            DoubleVector square = a.mul(a);
            DoubleVector erfc = DoubleVector.fromArray(SPECIES, scratch, i).mul(DoubleVector.fromArray(SPECIES, scratch, n + i))
                    .mul(a.fma(a, square.neg()).neg().add(1));
            erfc.blend(erfc.neg().add(2), z.compare(VectorOperators.LT, 0)).mul(0.5).intoArray(values, i);
        }
    }

    /** n rounded up to a whole number of vectors. */
    static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    // ---- expm1 (for ELU's conditional integrals, VectorEluIntegrals); kept apart from exp above ----

    /** 2^k for the expm1 formula is kept within 2^{±60}: beyond, expm1 is −1 or e^x in double. */
    private static final double EXPM1_K_BOUND = 60;
    /** Above 40, e^x − 1 rounds to e^x (e^x &gt; 2⁵⁷); below −40, to −1. */
    private static final double EXPM1_AS_EXP = 40;

    /**
     * values[i] ← e^{x} − 1 and exps[i] ← e^{x} for x = values[i], from ≤ i &lt; to (a whole number of
     * vectors): one argument reduction for both. e^x is the arithmetic of {@link #exp} (the same bits);
     * e^x − 1 = 2^k·p + (2^k − 1) with p = e^r − 1 the reduced argument's polynomial, in one fma
     * (2^k − 1 is exact for |k| ≤ 53), so that it keeps its relative accuracy where e^x − 1 is small
     * (within 2 ulp of {@link StrictMath#expm1}, tested). k reaches ±1076 over the clamped range, where
     * 2^k is not a normal double; it is clamped to ±60 in the formula, which leaves the sum at its limit
     * −1 for x &lt; −40, and e^x itself is taken above x = 40, where e^x − 1 rounds to e^x. NaN stays NaN;
     * −0 gives +0.
     *
     * <p>The reduction and polynomial repeat {@link #exp}'s lines instead of sharing a method that takes and
     * returns vectors: such a method, once C2 stops inlining, boxes its vectors (class note), and exp is the
     * hottest loop of the ELU kernels. VectorNormalTest holds the two to the same bits.
     */
    static void expm1(double[] values, double[] exps, int from, int to) {
        DoubleVector low = DoubleVector.broadcast(SPECIES, EXP_LOW), high = DoubleVector.broadcast(SPECIES, EXP_HIGH);
        DoubleVector log2e = DoubleVector.broadcast(SPECIES, LOG2E), shifter = DoubleVector.broadcast(SPECIES, SHIFTER);
        DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, -LN2_HI), ln2Lo = DoubleVector.broadcast(SPECIES, -LN2_LO);
        DoubleVector e2 = DoubleVector.broadcast(SPECIES, E2), e3 = DoubleVector.broadcast(SPECIES, E3),
                e4 = DoubleVector.broadcast(SPECIES, E4), e5 = DoubleVector.broadcast(SPECIES, E5),
                e6 = DoubleVector.broadcast(SPECIES, E6), e7 = DoubleVector.broadcast(SPECIES, E7),
                e8 = DoubleVector.broadcast(SPECIES, E8), e9 = DoubleVector.broadcast(SPECIES, E9),
                e10 = DoubleVector.broadcast(SPECIES, E10), e11 = DoubleVector.broadcast(SPECIES, E11),
                e12 = DoubleVector.broadcast(SPECIES, E12), e13 = DoubleVector.broadcast(SPECIES, E13);
        for (int i = from; i < to; i += LANES) {
            DoubleVector original = DoubleVector.fromArray(SPECIES, values, i);
            DoubleVector x = original.max(low).min(high);
            DoubleVector shifted = x.fma(log2e, shifter);
            DoubleVector k = shifted.sub(shifter);
            DoubleVector r = k.fma(ln2Hi, x);
            r = k.fma(ln2Lo, r);
            DoubleVector q = r.fma(e13, e12).fma(r, e11).fma(r, e10).fma(r, e9).fma(r, e8).fma(r, e7).fma(r, e6)
                    .fma(r, e5).fma(r, e4).fma(r, e3).fma(r, e2);
            DoubleVector p = r.mul(r).fma(q, r);
            LongVector kBits = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
            LongVector k1 = kBits.lanewise(VectorOperators.ASHR, 1);
            LongVector k2 = kBits.sub(k1);
            DoubleVector scale1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector scale2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector exp = p.fma(scale1, scale1).mul(scale2);
            exp.intoArray(exps, i);
            // 2^k with k clamped to ±60, built from the clamped k's bits after the shifter (k is an integer)
            DoubleVector clamped = k.max(-EXPM1_K_BOUND).min(EXPM1_K_BOUND).add(shifter);
            DoubleVector scale = clamped.reinterpretAsLongs().sub(SHIFTER_BITS).add(1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector expm1 = p.fma(scale, scale.sub(1));
            expm1.blend(exp, original.compare(VectorOperators.GT, EXPM1_AS_EXP)).intoArray(values, i);
        }
    }
}
