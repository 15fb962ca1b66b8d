package org.widenets.spectrum;

import org.hipparchus.special.Gamma;
import org.widenets.kernel.Checks;

/**
 * Facts about spherical harmonics on S^{d−1} ⊂ ℝ^d, with <b>d the ambient dimension</b> (d = 2 is the
 * circle, d = 3 the ordinary sphere S²), as used by the Funk–Hecke formula
 * (shared/papers/rkhs-smoothness.md §1):
 * <pre>
 *   μ_ℓ = c_d ∫_{−1}^{1} κ(t) P_ℓ^{(d)}(t) (1 − t²)^{(d−3)/2} dt,   c_d = |S^{d−2}|/|S^{d−1}| = Γ(d/2)/(√π Γ((d−1)/2)),
 *   N(d, ℓ) = (2ℓ+d−2)/ℓ · C(ℓ+d−3, ℓ−1),  N(d, 0) = 1,
 *   P_0 = 1, P_1 = t, P_{ℓ+1} = [(2ℓ+d−2) t P_ℓ − ℓ P_{ℓ−1}] / (ℓ+d−2)     (P_ℓ^{(d)}(1) = 1).
 * </pre>
 * P_ℓ^{(d)} = C_ℓ^{(d/2−1)}/C_ℓ^{(d/2−1)}(1) is the Legendre polynomial of dimension d; for d = 2 it is
 * cos(ℓ arccos t), for d = 3 the ordinary Legendre polynomial. Hipparchus offers these polynomials only
 * in coefficient form, which is unstable at high degree, so the three-term recurrence is written here.
 */
public final class SphericalHarmonics {

    private SphericalHarmonics() {
    }

    /** Requires an ambient dimension d ≥ 2 (the circle is the smallest sphere with a spectrum). */
    public static int checkDimension(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("ambient dimension d must be ≥ 2 (S^{d−1} with d = 2 is the circle), got " + d);
        }
        return d;
    }

    /** c_d = |S^{d−2}|/|S^{d−1}| = Γ(d/2)/(√π Γ((d−1)/2)), the Funk–Hecke constant for the uniform probability measure. */
    public static double funkHeckeConstant(int d) {
        checkDimension(d);
        return Math.exp(Gamma.logGamma(d / 2.0) - Gamma.logGamma((d - 1) / 2.0)) / Math.sqrt(Math.PI);
    }

    /** N(d, ℓ): the number of linearly independent spherical harmonics of degree ℓ on S^{d−1}. */
    public static double multiplicity(int d, int ell) {
        checkDimension(d);
        Checks.atLeast("degree ℓ", ell, 0);
        if (ell == 0) return 1;
        if (d == 2) return 2;
        // (2ℓ+d−2)/ℓ · C(ℓ+d−3, ℓ−1) = (2ℓ+d−2)/ℓ · Π_{j=1}^{d−2} (ℓ−1+j)/j
        double c = 1;
        for (int j = 1; j <= d - 2; j++) {
            c *= (ell - 1.0 + j) / j;
        }
        return (2.0 * ell + d - 2) / ell * c;
    }

    /** P_0^{(d)}(t) … P_ℓmax^{(d)}(t) into {@code out[0..ℓmax]} by the stable three-term recurrence. */
    public static void legendre(int d, double t, double[] out) {
        out[0] = 1;
        if (out.length == 1) return;
        out[1] = t;
        for (int l = 1; l + 1 < out.length; l++) {
            out[l + 1] = ((2.0 * l + d - 2) * t * out[l] - l * out[l - 1]) / (l + d - 2.0);
        }
    }

    /**
     * P_0^{(d)}(cos θ) … P_ℓmax^{(d)}(cos θ) into {@code out}, θ ∈ [0, π], accurate also near θ = 0 and π.
     *
     * <p>Near t = ±1 the plain recurrence loses ~ℓ² ε (for d = 2 that is 1e−14 of the scale by ℓ ≈ 2000,
     * enough to mask exact zeros). This is Reinsch's modification: with u = t − 1 = −2 sin²(θ/2) formed
     * from θ, the differences D_ℓ = P_ℓ − P_{ℓ−1} obey
     * D_1 = u, D_{ℓ+1} = [ℓ D_ℓ + (2ℓ+d−2) u P_ℓ]/(ℓ+d−2), P_{ℓ+1} = P_ℓ + D_{ℓ+1}
     * (subtract (ℓ+d−2)P_ℓ from both sides of the recurrence). For θ &gt; π/2 it runs at π − θ and uses
     * P_ℓ(−t) = (−1)^ℓ P_ℓ(t).
     */
    public static void legendreAtAngle(int d, double theta, double[] out) {
        RecurrenceCoefficients c = new RecurrenceCoefficients(d, out.length - 1);
        legendreAtAngle(c, theta, out);
    }

    /** The coefficients a_ℓ = ℓ/(ℓ+d−2) and b_ℓ = (2ℓ+d−2)/(ℓ+d−2) of the recurrence, precomputed once for many angles. */
    record RecurrenceCoefficients(double[] a, double[] b) {
        RecurrenceCoefficients(int d, int ellMax) {
            this(new double[Math.max(ellMax, 1)], new double[Math.max(ellMax, 1)]);
            for (int l = 1; l < ellMax; l++) {
                a[l] = l / (l + d - 2.0);
                b[l] = (2.0 * l + d - 2) / (l + d - 2.0);
            }
        }
    }

    /** {@link #legendreAtAngle(int, double, double[])} with precomputed coefficients (out.length ≤ ℓmax + 1). */
    static void legendreAtAngle(RecurrenceCoefficients c, double theta, double[] out) {
        boolean flip = theta > Math.PI / 2;
        double th = flip ? Math.PI - theta : theta;
        double sh = Math.sin(th / 2), u = -2 * sh * sh;
        out[0] = 1;
        if (out.length == 1) return;
        double diff = u, p = 1 + u;
        out[1] = p;
        double[] a = c.a(), b = c.b();
        for (int l = 1; l + 1 < out.length; l++) {
            diff = a[l] * diff + b[l] * u * p;
            p += diff;
            out[l + 1] = p;
        }
        if (flip) {
            for (int l = 1; l < out.length; l += 2) out[l] = -out[l];
        }
    }

    /** P_ℓ^{(d)}(t) for t ∈ [−1, 1]. */
    public static double legendre(int d, int ell, double t) {
        checkDimension(d);
        Checks.atLeast("degree ℓ", ell, 0);
        if (!(t >= -1 && t <= 1)) {
            throw new IllegalArgumentException("t must lie in [−1, 1], got " + t);
        }
        double[] p = new double[ell + 1];
        legendre(d, t, p);
        return p[ell];
    }
}
