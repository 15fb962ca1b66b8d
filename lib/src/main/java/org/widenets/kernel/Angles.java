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
            double det = determinant(q11, q12, q22);
            return det > 0 ? Math.sqrt(det) : 0.0;
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
        return atan2(sinTheta(q11, q12, q22), q12);
    }

    // fdlibm 5.3 (Sun Microsystems 1993) s_atan.c / e_atan2.c: argument reduction to |x| < 7/16 by
    // the tabulated atan(0.5), atan(1), atan(1.5), atan(∞) (hi + lo parts) and an odd polynomial.
    private static final double[] ATAN_HI = {
        4.63647609000806093515e-01, 7.85398163397448278999e-01, 9.82793723247329054082e-01, 1.57079632679489655800e+00};
    private static final double[] ATAN_LO = {
        2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17, 6.12323399573676603587e-17};
    private static final double AT0 = 3.33333333333329318027e-01, AT1 = -1.99999999998764832476e-01,
            AT2 = 1.42857142725034663711e-01, AT3 = -1.11111104054623557880e-01,
            AT4 = 9.09088713343650656196e-02, AT5 = -7.69187620504482999495e-02,
            AT6 = 6.66107313738753120669e-02, AT7 = -5.83357013379057348645e-02,
            AT8 = 4.97687799461593236017e-02, AT9 = -3.65315727442169155270e-02,
            AT10 = 1.62858201153657823623e-02;
    private static final double PI = 3.14159265358979311600e+00, PI_LO = 1.2246467991473531772e-16,
            PI_OVER_2 = 1.57079632679489655800e+00;

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
