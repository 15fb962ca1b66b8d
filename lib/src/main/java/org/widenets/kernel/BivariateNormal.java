package org.widenets.kernel;

/**
 * The standard bivariate normal distribution function Φ₂(h, k; ρ) = P(Z₁ ≤ h, Z₂ ≤ k) for standard
 * normals with correlation ρ.
 *
 * <p>Written here because neither Hipparchus nor any other library on our classpath has it (the ELU
 * kernels need it, shared/papers/elu-gelu-kernels.md §2.3). The algorithm is Genz's BVND (A. Genz,
 * "Numerical computation of rectangular bivariate and trivariate normal and t probabilities",
 * Statistics and Computing 14 (2004) 251–260), after Drezner &amp; Wesolowsky (1990): for |ρ| &lt; 0.925
 * Gauss–Legendre quadrature (6, 12 or 20 points for |ρ| &lt; 0.3, &lt; 0.75, ≥ 0.75) of Plackett's
 * integral ∫₀^{asin ρ} exp(−(h² − 2hk sin t + k²)/(2cos²t))/(2π) dt; for |ρ| ≥ 0.925 the integral in
 * the variable √(1 − ρ²) with the singular part removed by a two-term expansion, which stays
 * accurate up to ρ = ±1. Absolute accuracy ≈ 1e-15. ρ = ±1 are exact:
 * Φ₂(h, k; 1) = Φ(min(h, k)), Φ₂(h, k; −1) = max(0, Φ(h) − Φ(−k)).
 */
public final class BivariateNormal {

    private static final double TWO_PI = 2 * Math.PI;

    /**
     * Half of the symmetric 6-, 12- and 20-point Gauss–Legendre rules on [−1, 1] (nodes x, weights w, used
     * with ±x), as tabulated in Genz's published BVND: part of the algorithm, so kept verbatim rather than
     * regenerated. Package-private for {@link VectorBivariateNormal}, which runs the same rules over lanes.
     */
    static final double[][] X = {
            {-0.9324695142031522, -0.6612093864662647, -0.2386191860831970},
            {-0.9815606342467191, -0.9041172563704750, -0.7699026741943050,
                    -0.5873179542866171, -0.3678314989981802, -0.1252334085114692},
            {-0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188,
                    -0.7463319064601508, -0.6360536807265150, -0.5108670019508271, -0.3737060887154196,
                    -0.2277858511416451, -0.07652652113349733}};
    static final double[][] W = {
            {0.1713244923791705, 0.3607615730481384, 0.4679139345726904},
            {0.04717533638651177, 0.1069393259953183, 0.1600783285433464,
                    0.2031674267230659, 0.2334925365383547, 0.2491470458134029},
            {0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475,
                    0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821,
                    0.1491729864726037, 0.1527533871307259}};

    private BivariateNormal() {
    }

    /**
     * Φ₂(h, k; ρ) = P(Z₁ ≤ h, Z₂ ≤ k). h and k may be ±∞; ρ ∈ [−1, 1].
     *
     * @throws IllegalArgumentException for NaN arguments or |ρ| &gt; 1
     */
    public static double cdf(double h, double k, double rho) {
        if (Double.isNaN(h) || Double.isNaN(k)) {
            throw new IllegalArgumentException("h and k must not be NaN, got h = " + h + ", k = " + k);
        }
        if (!(Math.abs(rho) <= 1)) {
            throw new IllegalArgumentException("rho must be in [-1, 1], got " + rho);
        }
        return upper(-h, -k, rho, Math.sqrt((1 - rho) * (1 + rho)));
    }

    /**
     * out[i] = Φ₂(h[i], k[i]; rho[i]) for every i, as {@link #cdf(double, double, double)} computes it one
     * by one, but over vector lanes when the JVM runs with {@code --add-modules jdk.incubator.vector}
     * ({@link VectorBivariateNormal}: the same algorithm, several times faster per evaluation; values
     * agree with the scalar ones to rounding, ≈ 1e-16 absolute). Without the module, the scalar loop.
     *
     * @throws IllegalArgumentException for arrays of different lengths, NaN limits or |ρ| &gt; 1
     */
    public static void cdf(double[] h, double[] k, double[] rho, double[] out) {
        if (k.length != h.length || rho.length != h.length || out.length != h.length) {
            throw new IllegalArgumentException("h, k, rho and out must have one length, got " + h.length + ", "
                    + k.length + ", " + rho.length + ", " + out.length);
        }
        if (VectorModule.PRESENT) {
            VectorBivariateNormal.cdf(h, k, rho, out);
        } else {
            for (int i = 0; i < h.length; i++) {
                out[i] = cdf(h[i], k[i], rho[i]);
            }
        }
    }

    /**
     * Φ₂(h, k; ρ) with √(1 − ρ²) supplied by the caller. Near ρ = ±1 the double ρ has lost most of
     * 1 − ρ² (relative error ε/(1 − |ρ|)), while a caller that holds the covariance can form
     * √(1 − ρ²) = √(q11q22 − q12²)/√(q11q22) to full precision ({@link Angles#sinTheta}); the expansion
     * branch of BVND (|ρ| ≥ 0.925) depends on ρ only through it and its sign, so with an accurate
     * value Φ₂ stays accurate up to ρ = ±1. {@code sinTheta} = 0 means ρ = ±1 exactly (sign of ρ).
     * Arguments are not validated: for the ELU kernel loop, whose covariance is already checked.
     */
    static double cdf(double h, double k, double rho, double sinTheta) {
        return upper(-h, -k, rho, sinTheta);
    }

    /** P(Z₁ &gt; h, Z₂ &gt; k): Genz's BVND at correlation r, with sinTheta = √(1 − r²). */
    private static double upper(double h, double k, double r, double sinTheta) {
        if (h == Double.POSITIVE_INFINITY || k == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (h == Double.NEGATIVE_INFINITY) {
            return k == Double.NEGATIVE_INFINITY ? 1 : StandardNormal.cdf(-k);
        }
        if (k == Double.NEGATIVE_INFINITY) {
            return StandardNormal.cdf(-h);
        }
        if (sinTheta == 0 && r > 0) {
            return StandardNormal.cdf(-Math.max(h, k));
        }
        if (sinTheta == 0) {
            // P(Z > h, −Z > k) = P(h < Z < −k).
            return Math.max(0, StandardNormal.cdf(-h) - StandardNormal.cdf(k));
        }
        int ng = Math.abs(r) < 0.3 ? 0 : Math.abs(r) < 0.75 ? 1 : 2;
        double[] x = X[ng], w = W[ng];
        double hk = h * k;
        double bvn = 0;
        if (Math.abs(r) < 0.925) {
            double hs = (h * h + k * k) / 2;
            double asr = Math.asin(r);
            for (int i = 0; i < x.length; i++) {
                for (int is = -1; is <= 1; is += 2) {
                    double sn = Math.sin(asr * (is * x[i] + 1) / 2);
                    bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
                }
            }
            return clamp(bvn * asr / (2 * TWO_PI) + StandardNormal.cdf(-h) * StandardNormal.cdf(-k));
        }
        if (r < 0) {
            k = -k;
            hk = -hk;
        }
        double a = sinTheta;
        double as = a * a;
        double bs = (h - k) * (h - k);
        double c = (4 - hk) / 8;
        double d = (12 - hk) / 16;
        double asr = -(bs / as + hk) / 2;
        if (asr > -100) {
            bvn = a * Math.exp(asr) * (1 - c * (bs - as) * (1 - d * bs / 5) / 3 + c * d * as * as / 5);
        }
        if (hk > -100) {
            double b = Math.sqrt(bs);
            bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * StandardNormal.cdf(-b / a) * b
                    * (1 - c * bs * (1 - d * bs / 5) / 3);
        }
        a /= 2;
        for (int i = 0; i < x.length; i++) {
            for (int is = -1; is <= 1; is += 2) {
                double xs = a * (is * x[i] + 1);
                xs *= xs;
                double rs = Math.sqrt(1 - xs);
                double asr2 = -(bs / xs + hk) / 2;
                if (asr2 > -100) {
                    bvn += a * w[i] * Math.exp(asr2)
                            * (Math.exp(-hk * xs / (2 * (1 + rs) * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
                }
            }
        }
        bvn = -bvn / TWO_PI;
        if (r > 0) {
            return clamp(bvn + StandardNormal.cdf(-Math.max(h, k)));
        }
        bvn = -bvn;
        if (k > h) {
            bvn += h < 0 ? StandardNormal.cdf(k) - StandardNormal.cdf(h)
                    : StandardNormal.cdf(-h) - StandardNormal.cdf(-k);
        }
        return clamp(bvn);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
