package org.widenets.kernel;

/**
 * GELU, φ(x) = x·Φ(x) (shared/papers/elu-gelu-kernels.md §2.2, kernel-formulas.md §3.3; NNGP from
 * Tsuchida et al. 2020, Ṫ as in neural-tangents). With Δ² = (1+q11)(1+q22) − q12² and
 * α = atan2(q12, Δ):
 * <pre>
 *   T    = q12/4 + (1/2π)·[ (q12² + q11 q22 Δ²)/((1+q11)(1+q22) Δ) + q12·α ]
 *   Ṫ    = 1/4 + α/(2π) + (q12/(2πΔ))·[ 1/Δ² + (1 − q11 q22)/((1+q11)(1+q22)) + 1 ]
 *   diag = q·[ 1/4 + (1/π)·( q/((1+q)√(1+2q)) + ½·atan(q/√(1+2q)) ) ]
 *   diagDot = 1/4 + atan(q/√(1+2q))/(2π) + (q/(2π√(1+2q)))·(1/(1+2q) + 2/(1+q))
 * </pre>
 * Δ² is formed as 1 + q11 + q22 + det, exact at ρ = ±1.
 */
public record Gelu() implements Activation {

    @Override
    public String name() {
        return "GELU";
    }

    @Override
    public double phi(double x) {
        return x * StandardNormal.cdf(x);
    }

    @Override
    public double dphi(double x) {
        return StandardNormal.cdf(x) + x * StandardNormal.pdf(x);
    }

    // Both maps are written in x = q/m with m a power of two ≥ max(q11, q22, 1) (exact scaling), so that
    // q11·q22·Δ² cannot overflow in deep networks whose variance grows past 1e77; for m = 1 they are the
    // formulas above term by term: Δ = m·δ, (1+q11)(1+q22) = m²·p.

    @Override
    public double t(double q11, double q12, double q22) {
        double[] out = new double[2];
        tAndTDot(q11, q12, q22, out);
        return out[0];
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        double[] out = new double[2];
        tAndTDot(q11, q12, q22, out);
        return out[1];
    }

    /** T and Ṫ share Δ and α = atan2(q12, Δ), the costly part: one setup serves both. */
    @Override
    public void tAndTDot(double q11, double q12, double q22, double[] out) {
        Checks.covariance(q11, q12, q22);
        double m = Angles.scale(q11, q22);
        double x11 = q11 / m, x12 = q12 / m, x22 = q22 / m;
        double d = delta(x11, x12, x22, m);
        double p = (1 / m + x11) * (1 / m + x22);
        // Angles.atan2 is StrictMath's fdlibm atan2 bit for bit (so the values are unchanged), but
        // inlinable: Math.atan2 is a native call that cost about half of a GELU step
        double alpha = Angles.atan2(x12, d);
        double bracket = x12 * x12 / (m * p * d) + m * x11 * x22 * d / p;
        double inner = 1 / (m * m * d * d) + (1 / (m * m) - x11 * x22) / p + 1;
        out[0] = q12 / 4 + (bracket + q12 * alpha) / (2 * Math.PI);
        out[1] = 0.25 + alpha / (2 * Math.PI) + x12 / (2 * Math.PI * d) * inner;
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        double w = Math.sqrt(1 + 2 * q);
        return q * (0.25 + (q / ((1 + q) * w) + 0.5 * Math.atan(q / w)) / Math.PI);
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        double w = Math.sqrt(1 + 2 * q);
        return 0.25 + Math.atan(q / w) / (2 * Math.PI) + q / (2 * Math.PI * w) * (1 / (w * w) + 2 / (1 + q));
    }

    /** δ = Δ/m = √(1/m² + (x11 + x22)/m + x11x22 − x12²). */
    private static double delta(double x11, double x12, double x22, double m) {
        return Math.sqrt(1 / (m * m) + (x11 + x22) / m + Math.max(0, Angles.determinant(x11, x12, x22)));
    }
}
