package org.widenets.kernel;

/**
 * The angle between two Gaussian coordinates, computed stably.
 *
 * <p>θ = atan2(√(q11 q22 − q12²), q12) rather than arccos(q12/√(q11 q22)): no division by √(q11 q22),
 * finite for zero inputs (atan2(0, 0) = 0 there, any θ gives the same kernel because it is multiplied
 * by zero), and accurate near ρ = ±1 where arccos loses half the digits
 * (shared/papers/kernel-formulas.md §6.1–6.2).
 */
final class Angles {

    private Angles() {
    }

    /** √(q11 q22 − q12²), with round-off below zero clamped; the covariance was validated upstream. */
    static double sinTheta(double q11, double q12, double q22) {
        // Below 2⁵⁰⁰ no product can overflow, and scaling by a power of two would change nothing
        // (it commutes with rounding and with the square root): skip it, it is the inner loop of
        // kernel matrices.
        if (Math.max(q11, q22) <= 0x1p500) {
            // max rather than a branch: the same expression as the vectorised block loops
            // (AbRelu.tAndTDot on arrays), so both paths round alike
            return Math.sqrt(Math.max(determinant(q11, q12, q22), 0.0));
        }
        // Scaled by a power of two (exact) so that q11·q22 cannot overflow for variances up to 1.8e308.
        // Multiplying by the inverse power of two is as exact as dividing, and cheaper.
        double m = scale(q11, q22), inverse = Math.scalb(1.0, -Math.getExponent(m));
        double det = determinant(q11 * inverse, q12 * inverse, q22 * inverse);
        return det > 0 ? Math.sqrt(det) * m : 0.0;
    }

    /**
     * A power of two ≥ max(q11, q22) and ≥ 1: dividing by it is exact and keeps products of variances
     * finite in deep networks whose variance grows past 1e154 (the note's §6.4 scale stabilisation).
     */
    static double scale(double q11, double q22) {
        double max = Math.max(q11, q22);
        return max <= 1 ? 1 : Math.scalb(1.0, Math.getExponent(max) + 1);
    }

    /**
     * q11 q22 − q12², with both products rounded once (fma): near ρ = ±1 the naive difference keeps
     * only |1 − ρ|/ε correct digits (5e-5 relative at 1 − ρ = 1e-12), which would limit every kernel.
     */
    static double determinant(double q11, double q12, double q22) {
        double sq = q12 * q12;
        double sqError = Math.fma(q12, q12, -sq);
        return Math.fma(q11, q22, -sq) - sqError;
    }

    /** θ ∈ [0, π]. */
    static double theta(double q11, double q12, double q22) {
        return angle(sinTheta(q11, q12, q22), q12);
    }

    /**
     * θ = atan2(y, x) ∈ [0, π] for y ≥ 0 (y = √(q11 q22 − q12²), x = q12), within 2 ulp of
     * {@link StrictMath#atan2} (tested in AnglesBranchFreeAngleTest). Zeros, non-finite, very large and
     * very small arguments (max(y, |x|) outside [2⁻⁶⁰⁰, 2¹⁰⁰⁰], where subnormal intermediates would lose
     * digits) go to {@link StrictMath#atan2}; all others to {@link #angleCore}, which is what the
     * vectorised block loops inline, so that the pair path and the matrix path agree bit for bit.
     * A negative or NaN y (never produced by {@link #sinTheta}) also goes to StrictMath.
     */
    static double angle(double y, double x) {
        double b = Math.max(y, Math.abs(x));
        if (!(y >= 0 && b >= 0x1p-600 && b <= HUGE)) {
            return StrictMath.atan2(y, x);
        }
        return angleCore(y, x);
    }

    private static final double HUGE = 0x1p1000;

    /**
     * True when every entry b &lt; count of a block (q11, q12[b], q22[from + b]) passes the fast
     * acceptance of {@link Checks#covariance} and needs no rescaling in {@link #sinTheta} (variances
     * ≤ 2⁵⁰⁰): then a branch-free loop computes what the checked scalar path would. NaN fails every
     * comparison and so rejects the block. The loop is min/max reductions, which C2 vectorises.
     */
    static boolean ordinaryBlock(double q11, double[] q22, int from, double[] q12, int count) {
        double lowest = Double.POSITIVE_INFINITY, highest = 0, excess = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double q = q22[from + k], x = q12[k], p = q11 * q;
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, q);
            excess = Math.max(excess, x * x - p * (1 + 1.9e-12));
        }
        return q11 >= 0 && q11 <= 0x1p500 && lowest >= Double.MIN_NORMAL && highest <= 0x1p500 && excess <= 0;
    }

    /**
     * 1 if d &gt; 0, else 0, exactly, for finite d, without a branch: C2 vectorises loops of min, max and
     * arithmetic but not of conditionals. d·2¹⁰⁰⁰·2¹⁰⁰⁰ ≥ 2⁻¹⁰⁷⁴·2²⁰⁰⁰ &gt; 1 for every positive double
     * (overflow to +∞ is harmless), and the sign of a rounded difference is the exact one.
     */
    static double positive(double d) {
        return Math.min(Math.max(d * HUGE * HUGE, 0.0), 1.0);
    }

    /**
     * The same as {@link #positive}, clamped in the other order: C2 (JDK 17) refused to vectorise a
     * loop holding two identical min∘max chains, but vectorises one of each.
     */
    static double positiveOtherOrder(double d) {
        return Math.max(Math.min(d * HUGE * HUGE, 1.0), 0.0);
    }

    /**
     * atan2(y, x) for y ≥ 0 and 2⁻⁶⁰⁰ ≤ max(y, |x|) ≤ 2¹⁰⁰⁰ (a block that passes {@link #ordinaryBlock}
     * has max(y, |x|) ≥ √(q11 q22 / 2) ≥ 2⁻⁵¹²), branch-free so that loops over it vectorise.
     *
     * <p>Why not {@link #atan2}: its fdlibm branches (five reduction intervals, quadrant fix-ups) stop
     * C2 from vectorising the kernel-matrix loop; one scalar atan2 was ≈ 2/3 of a ReLU layer step. Same
     * fdlibm ingredients (the odd polynomial for |u| &lt; 7/16, here in one Horner chain, which C2
     * vectorises and the two interleaved chains of fdlibm it does not; and the hi + lo parts of π/4,
     * π/2), with every choice made by multiplying with an exact 0/1 selector ({@link #positive}):
     * <ol>
     *   <li>t = a/b with a = min(y, |x|), b = max(y, |x|), so t ∈ [0, 1];</li>
     *   <li>atan t = P(t) for t ≤ 7/16, else π/4 + P((a − b)/(a + b)) (argument in (−0.39, 0]);</li>
     *   <li>θ = k·π/2 + σ·atan t with (k, σ) = (0, +) for y ≤ x, (1, −) for y &gt; |x|, x ≥ 0, (2, −) for
     *       y ≤ −x, (1, +) for y &gt; |x|, x &lt; 0, the lo part of k·π/2 added before the hi part.</li>
     * </ol>
     * Measured error against StrictMath ≤ 2 ulp (AnglesBranchFreeAngleTest). {@link #angles} computes
     * the same expressions, split into loops small enough for C2 to vectorise; keep the two in step.
     */
    static double angleCore(double y, double x) {
        double ax = Math.abs(x);
        double s = positive(Math.min(y, ax) - 0.4375 * Math.max(y, ax));
        double a = Math.min(y, ax), b = Math.max(y, ax);
        double u = (a - s * b) / (b + s * a);
        double atan = s * PI_OVER_4 - ((u * poly(u * u) - s * PI_OVER_4_LO) - u);
        double swap = positive(y - ax), negative = positiveOtherOrder(-x);
        double k = swap + 2 * negative - 2 * swap * negative;   // 0, 1, 2, 1
        double signed = (1 - 2 * (swap + negative - 2 * swap * negative)) * atan;
        return k * PI_OVER_2 + (k * PI_OVER_2_LO + signed);
    }

    /** fdlibm's odd polynomial for atan, divided by u: atan u ≈ u − u·poly(u²) for |u| &lt; 7/16. */
    private static double poly(double z) {
        return z * (AT0 + z * (AT1 + z * (AT2 + z * (AT3 + z * (AT4 + z * (AT5 + z * (AT6 + z * (AT7
                + z * (AT8 + z * (AT9 + z * AT10))))))))));
    }

    /**
     * For k &lt; count: sin[k] = √max(q11·q22[from + k] − q12[k]², 0) (as {@link #sinTheta} without
     * rescaling) and theta[k] = {@link #angleCore}(sin[k], q12[k]), bit for bit, for a block that passed
     * {@link #ordinaryBlock}. Why six loops: C2 (JDK 17, default LoopUnrollLimit) vectorises only
     * loops with small bodies; one fused loop ran scalar at ≈ 4× the time. scratch has ≥ count entries.
     */
    static void angles(double q11, double[] q22, int from, double[] q12, double[] sin, double[] theta,
                       double[] scratch, int count) {
        for (int k = 0; k < count; k++) {
            sin[k] = Math.sqrt(Math.max(determinant(q11, q12[k], q22[from + k]), 0.0));
        }
        for (int k = 0; k < count; k++) {
            double y = sin[k], ax = Math.abs(q12[k]);
            scratch[k] = positive(Math.min(y, ax) - 0.4375 * Math.max(y, ax));
        }
        for (int k = 0; k < count; k++) {
            double y = sin[k], ax = Math.abs(q12[k]), s = scratch[k];
            double a = Math.min(y, ax), b = Math.max(y, ax);
            theta[k] = (a - s * b) / (b + s * a);
        }
        for (int k = 0; k < count; k++) {
            double u = theta[k], s = scratch[k];
            theta[k] = s * PI_OVER_4 - ((u * poly(u * u) - s * PI_OVER_4_LO) - u);
        }
        for (int k = 0; k < count; k++) {
            double x = q12[k];
            double swap = positive(sin[k] - Math.abs(x)), negative = positiveOtherOrder(-x);
            scratch[k] = swap + 2 * negative - 2 * swap * negative;
            theta[k] = (1 - 2 * (swap + negative - 2 * swap * negative)) * theta[k];
        }
        for (int k = 0; k < count; k++) {
            double m = scratch[k];
            theta[k] = m * PI_OVER_2 + (m * PI_OVER_2_LO + theta[k]);
        }
    }

    // fdlibm 5.3 (Sun Microsystems 1993) s_atan.c / e_atan2.c: argument reduction to |x| < 7/16 by
    // the tabulated atan(0.5), atan(1), atan(1.5), atan(∞) (hi + lo parts) and an odd polynomial.
    // The polynomial and the hi + lo parts of π/4, π/2, π are package-private for VectorBivariateNormal,
    // which computes the same branch-free angle over vector lanes.
    private static final double[] ATAN_HI = {
        4.63647609000806093515e-01, 7.85398163397448278999e-01, 9.82793723247329054082e-01, 1.57079632679489655800e+00};
    private static final double[] ATAN_LO = {
        2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17, 6.12323399573676603587e-17};
    static final double AT0 = 3.33333333333329318027e-01, AT1 = -1.99999999998764832476e-01,
            AT2 = 1.42857142725034663711e-01, AT3 = -1.11111104054623557880e-01,
            AT4 = 9.09088713343650656196e-02, AT5 = -7.69187620504482999495e-02,
            AT6 = 6.66107313738753120669e-02, AT7 = -5.83357013379057348645e-02,
            AT8 = 4.97687799461593236017e-02, AT9 = -3.65315727442169155270e-02,
            AT10 = 1.62858201153657823623e-02;
    static final double PI = 3.14159265358979311600e+00, PI_LO = 1.2246467991473531772e-16,
            PI_OVER_2 = 1.57079632679489655800e+00, PI_OVER_2_LO = 6.12323399573676603587e-17,
            PI_OVER_4 = 7.85398163397448278999e-01, PI_OVER_4_LO = 3.06161699786838301793e-17;

    /**
     * atan2(y, x), bit for bit equal to {@link StrictMath#atan2} (the same fdlibm algorithm). Written
     * by hand because {@link Math#atan2} is a native call the JIT cannot inline: it cost ≈ 40 of the
     * ≈ 75 ns of one ReLU kernel step, the inner loop of kernel matrices; this version is pure
     * arithmetic. Non-finite arguments and zeros go to {@link StrictMath#atan2}.
     */
    static double atan2(double y, double x) {
        if (!(Double.isFinite(x) && Double.isFinite(y)) || x == 0 || y == 0) {
            return StrictMath.atan2(y, x);
        }
        if (x == 1.0) {
            return atan(y);
        }
        long bx = Double.doubleToRawLongBits(x), by = Double.doubleToRawLongBits(y);
        int hx = (int) (bx >>> 32), hy = (int) (by >>> 32);
        int k = ((hy & 0x7fffffff) - (hx & 0x7fffffff)) >> 20;
        double z;
        if (k > 60) {
            z = PI_OVER_2 + 0.5 * PI_LO;   // |y/x| > 2⁶⁰
        } else if (hx < 0 && k < -60) {
            z = 0.0;                       // |y|/x < −2⁶⁰
        } else {
            z = atan(Math.abs(y / x));
        }
        if (hx >= 0) {
            return hy >= 0 ? z : -z;
        }
        return hy >= 0 ? PI - (z - PI_LO) : (z - PI_LO) - PI;
    }

    /** atan(x) for finite x by fdlibm's s_atan.c, bit for bit equal to {@link StrictMath#atan}. */
    static double atan(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32), ix = hx & 0x7fffffff;
        int id;
        if (ix >= 0x44100000) {            // |x| ≥ 2⁶⁶
            return hx > 0 ? ATAN_HI[3] + ATAN_LO[3] : -ATAN_HI[3] - ATAN_LO[3];
        }
        if (ix < 0x3fdc0000) {             // |x| < 7/16
            if (ix < 0x3e200000) {         // |x| < 2⁻²⁹
                return x;
            }
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3ff30000) {         // |x| < 19/16
                if (ix < 0x3fe60000) {     // 7/16 ≤ |x| < 11/16
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                } else {                   // 11/16 ≤ |x| < 19/16
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            } else if (ix < 0x40038000) {  // |x| < 39/16
                id = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            } else {                       // 39/16 ≤ |x| < 2⁶⁶
                id = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x, w = z * z;
        double s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
        double s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
        if (id < 0) {
            return x - x * (s1 + s2);
        }
        z = ATAN_HI[id] - ((x * (s1 + s2) - ATAN_LO[id]) - x);
        return hx < 0 ? -z : z;
    }
}
