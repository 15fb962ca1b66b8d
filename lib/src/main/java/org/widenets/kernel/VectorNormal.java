package org.widenets.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, erfcx and Φ over the lanes of a {@link DoubleVector}: the vector counterparts of {@link Math#exp}
 * and {@link StandardNormal}, for the vectorised bivariate normal CDF and ELU kernels.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: JDK 17 computes it with Intel's SVML stubs only in
 * C2-compiled code and with a per-lane {@link Math#exp} otherwise, so one input could give different
 * numbers before and after the JIT has compiled a loop (and the kernel matrices would stop equalling the
 * pair path). Everything here is built from lanewise add, multiply, fma, divide, square root, min, max,
 * compare-and-blend and bit operations: IEEE-exact operations that give the same bits compiled or
 * interpreted, on any vector length. Only available with {@link VectorModule#PRESENT}.
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
    // Taylor coefficients 1/n!, n = 2 … 13: the remainder r¹⁴/14! ≤ 4e-18 for |r| ≤ ln 2 / 2. Written
    // out rather than looped over an array: this is the innermost operation of the Φ₂ quadratures.
    private static final double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720,
            E7 = 1.0 / 5040, E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800, E11 = 1.0 / 39916800,
            E12 = 1.0 / 479001600, E13 = 1.0 / 6227020800L;

    private static final double SQRT_PI = StandardNormal.SQRT_PI;
    /** The scalar erfcx's switch from its Chebyshev series to the continued fraction. */
    private static final double CONTINUED_FRACTION_FROM = 3;
    /** Beyond |z| = 40 erfc(z) is 0 in double (it underflows from z ≈ 27.3). */
    private static final double ERFC_CUTOFF = 40;

    private VectorNormal() {
    }

    /**
     * eˣ per lane, within 1 ulp of the exact value for results in the normal range (tested against
     * {@link StrictMath#exp}); results below 2⁻¹⁰²² are rounded to the subnormal grid (0 below
     * e^{−745.2}), above e^{709.78} +∞, NaN stays NaN.
     *
     * <p>k = round(x/ln 2) by the 1.5·2⁵² shifter, r = x − k·ln 2 (Cody–Waite, fma), e^r by its Taylor
     * polynomial as 1 + (r + r²·q(r)), and 2^k as two powers of two 2^{⌊k/2⌋}·2^{k − ⌊k/2⌋} built from
     * their exponent bits, so that both stay normal over the whole clamped range and the only rounding
     * into the subnormal range is the last product.
     */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.max(EXP_LOW).min(EXP_HIGH);
        DoubleVector shifted = c.fma(LOG2E, SHIFTER);
        DoubleVector k = shifted.sub(SHIFTER);
        DoubleVector r = k.fma(constant(-LN2_HI), c);
        r = k.fma(constant(-LN2_LO), r);
        DoubleVector q = r.fma(E13, E12).fma(r, constant(E11)).fma(r, constant(E10)).fma(r, constant(E9))
                .fma(r, constant(E8)).fma(r, constant(E7)).fma(r, constant(E6)).fma(r, constant(E5))
                .fma(r, constant(E4)).fma(r, constant(E3)).fma(r, constant(E2));
        DoubleVector expm1 = r.mul(r).fma(q, r);
        LongVector kBits = shifted.reinterpretAsLongs().sub(SHIFTER_BITS);
        LongVector k1 = kBits.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = kBits.sub(k1);
        DoubleVector scale1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector scale2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return expm1.fma(scale1, scale1).mul(scale2);
    }

    /**
     * erfcx(z) = e^{z²}erfc(z) per lane for z ≥ 0 (and +∞): below 3 the Chebyshev series of
     * {@link StandardNormal#erfcx} by the same Clenshaw steps (the same bits), from 3 on a series in 1/z²
     * ({@link #asymptotic}) where the scalar code has Laplace's continued fraction.
     * Each part is computed only when some lane needs it; the lanes' values do not depend on that.
     */
    static DoubleVector erfcx(DoubleVector z) {
        VectorMask<Double> series = z.compare(VectorOperators.LT, CONTINUED_FRACTION_FROM);
        if (series.allTrue()) {
            return chebyshev(z);
        }
        DoubleVector tail = asymptotic(z);
        return series.anyTrue() ? tail.blend(chebyshev(z), series) : tail;
    }

    /** Σ cₖ Tₖ(t), t = (2z − 3)/3, in exactly the operations of {@link StandardNormal#erfcx}. */
    private static DoubleVector chebyshev(DoubleVector z) {
        double[] c = StandardNormal.ERFCX_CHEBYSHEV;
        DoubleVector t = z.mul(2).sub(3).div(3);
        DoubleVector twoT = t.mul(2);
        DoubleVector b1 = DoubleVector.zero(SPECIES), b2 = b1;
        for (int k = c.length - 1; k >= 1; k--) {
            DoubleVector b0 = twoT.mul(b1).sub(b2).add(c[k]);
            b2 = b1;
            b1 = b0;
        }
        return t.mul(b1).add(c[0]).sub(b2);
    }

    /**
     * erfcx(z) = g(w)/(√π z) for z ≥ 3 with w = 9/z² ∈ [0, 1] and g(w) = √π z erfcx(z), which falls
     * smoothly from 1 (w = 0, z = ∞) to 0.95 (z = 3): a 22-term Chebyshev series in 2w − 1 by Clenshaw's
     * recurrence, about 40 operations instead of the scalar continued fraction's 30 dependent divisions,
     * within 3 ulp of the exact value (as the scalar one; tested against it) and exact in the limit
     * (z = ∞ gives w = 0 and 0). Why not the continued fraction evaluated forwards (no divisions either):
     * its rounding errors accumulate to 14 ulp.
     */
    private static DoubleVector asymptotic(DoubleVector z) {
        double[] c = ERFCX_ASYMPTOTIC;
        DoubleVector t = constant(9).div(z.mul(z)).mul(2).sub(1);
        DoubleVector twoT = t.mul(2);
        DoubleVector b1 = DoubleVector.zero(SPECIES), b2 = b1;
        for (int k = c.length - 1; k >= 1; k--) {
            DoubleVector b0 = twoT.mul(b1).sub(b2).add(c[k]);
            b2 = b1;
            b1 = b0;
        }
        return t.mul(b1).add(c[0]).sub(b2).div(z.mul(SQRT_PI));
    }

    /**
     * Chebyshev coefficients of g(w) = √π z erfcx(z), z = 3/√w, on w ∈ [0, 1] in t = 2w − 1: mpmath at 50
     * digits, interpolation at 40 Chebyshev nodes, the first 22 kept (truncation error 1.6e-20 relative;
     * the coefficients fall by ≈ 5 per term).
     */
    private static final double[] ERFCX_ASYMPTOTIC = {0.9750834237085559, -0.024049393850414606,
            0.000820452240880432, -4.3429308130342754e-05, 3.018447034034932e-06, -2.5447331925082054e-07,
            2.4858353020510936e-08, -2.7317201323822406e-09, 3.308472279656103e-10, -4.350549079672218e-11,
            6.141214566159981e-12, -9.223692795989471e-13, 1.463566470109335e-13, -2.439277512379979e-14,
            4.249758881830506e-15, -7.708441130932807e-16, 1.450688328319587e-16, -2.824243315196893e-17,
            5.673294819936448e-18, -1.1732702853472893e-18, 2.4930460537575744e-19, -5.433369342356254e-20};

    /**
     * Φ(x) per lane, as {@link StandardNormal#cdf}: ½erfc(−x/√2) with erfc(z) = erfcx(|z|)e^{−z²}
     * (z² split exactly by fma) and 2 − erfc(|z|) for z &lt; 0; accurate in relative terms into the
     * lower tail. |z| is capped at 40, where erfc is 0 in double, so that ±∞ give 1 and 0.
     */
    static DoubleVector cdf(DoubleVector x) {
        DoubleVector z = x.neg().div(StandardNormal.SQRT_2);
        DoubleVector a = z.abs().min(ERFC_CUTOFF);
        DoubleVector square = a.mul(a);
        DoubleVector erfc = erfcx(a).mul(exp(square.neg())).mul(a.fma(a, square.neg()).neg().add(1));
        erfc = erfc.blend(erfc.neg().add(2), z.compare(VectorOperators.LT, 0));
        return erfc.mul(0.5);
    }

    /** values[i] ← e^{values[i]} for i &lt; n; the array holds at least n rounded up to whole vectors. */
    static void exp(double[] values, int n) {
        for (int i = 0; i < n; i += LANES) {
            exp(DoubleVector.fromArray(SPECIES, values, i)).intoArray(values, i);
        }
    }

    /** values[i] ← erfcx(values[i]) (arguments ≥ 0) for i &lt; n, whole vectors as {@link #exp(double[], int)}. */
    static void erfcx(double[] values, int n) {
        for (int i = 0; i < n; i += LANES) {
            erfcx(DoubleVector.fromArray(SPECIES, values, i)).intoArray(values, i);
        }
    }

    /** values[i] ← Φ(values[i]) for i &lt; n, whole vectors as {@link #exp(double[], int)}. */
    static void cdf(double[] values, int n) {
        for (int i = 0; i < n; i += LANES) {
            cdf(DoubleVector.fromArray(SPECIES, values, i)).intoArray(values, i);
        }
    }

    /** c in every lane: DoubleVector has fma(vector, vector) and fma(scalar, scalar), not the mix. */
    private static DoubleVector constant(double c) {
        return DoubleVector.broadcast(SPECIES, c);
    }

    /** n rounded up to a whole number of vectors. */
    static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }
}
