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

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double d2 = delta2(q11, q12, q22), d = Math.sqrt(d2);
        double p = (1 + q11) * (1 + q22);
        return q12 / 4 + ((q12 * q12 + q11 * q22 * d2) / (p * d) + q12 * Math.atan2(q12, d)) / (2 * Math.PI);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double d2 = delta2(q11, q12, q22), d = Math.sqrt(d2);
        double p = (1 + q11) * (1 + q22);
        return 0.25 + Math.atan2(q12, d) / (2 * Math.PI)
                + q12 / (2 * Math.PI * d) * (1 / d2 + (1 - q11 * q22) / p + 1);
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

    private static double delta2(double q11, double q12, double q22) {
        return 1 + q11 + q22 + Math.max(0, Angles.determinant(q11, q12, q22));
    }
}
