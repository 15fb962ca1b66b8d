package org.widenets.kernel;

/**
 * φ(x) = a·erf(b x) + c (shared/papers/kernel-formulas.md §3.2). With q scaled by b²:
 * <pre>
 *   T    = a²·(2/π)·atan2(2q12, √((1+2q11)(1+2q22) − 4q12²)) + c²
 *   Ṫ    = a²b²·(4/π)/√((1+2q11)(1+2q22) − 4q12²)
 *   diag = a²·(2/π)·atan(2q/√(1+4q)) + c²,   diagDot = a²b²·(4/π)/√(1+4q)
 * </pre>
 * c enters as c² because E[erf(bu)] = 0. (1+2q11)(1+2q22) − 4q12² is formed as 1 + 2(q11+q22) + 4·det
 * so it stays accurate at ρ = ±1. neural-tangents' "Sigmoid_like" is Erf(1/2, 1/2.4020563531719796, 1/2).
 */
public record Erf(double a, double b, double c) implements Activation {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    public Erf {
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("c", c);
    }

    /** erf(x). */
    public static Erf standard() {
        return new Erf(1, 1, 0);
    }

    @Override
    public String name() {
        return a == 1 && b == 1 && c == 0 ? "Erf" : "Erf(" + a + ", " + b + ", " + c + ")";
    }

    @Override
    public double phi(double x) {
        return a * org.hipparchus.special.Erf.erf(b * x) + c;
    }

    @Override
    public double dphi(double x) {
        return a * b * TWO_OVER_SQRT_PI * Math.exp(-b * b * x * x);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double m = Angles.scale(b * b * q11, b * b * q22);
        // Angles.atan2: StrictMath's atan2 bit for bit, inlinable (Math.atan2 is a native call)
        return a * a * (2 / Math.PI) * Angles.atan2(2 * b * b * q12 / m, Math.sqrt(delta(q11, q12, q22, m))) + c * c;
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double m = Angles.scale(b * b * q11, b * b * q22);
        return a * a * b * b * (4 / Math.PI) / Math.sqrt(delta(q11, q12, q22, m)) / m;
    }

    /** T and Ṫ share the scale m and Δ = (1+2q11)(1+2q22) − 4q12² (scaled): one setup serves both. */
    @Override
    public void tAndTDot(double q11, double q12, double q22, double[] out) {
        Checks.covariance(q11, q12, q22);
        double m = Angles.scale(b * b * q11, b * b * q22);
        double root = Math.sqrt(delta(q11, q12, q22, m));
        out[0] = a * a * (2 / Math.PI) * Angles.atan2(2 * b * b * q12 / m, root) + c * c;
        out[1] = a * a * b * b * (4 / Math.PI) / root / m;
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        double s = b * b * q;
        return a * a * (2 / Math.PI) * Math.atan(2 * s / Math.sqrt(1 + 4 * s)) + c * c;
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return a * a * b * b * (4 / Math.PI) / Math.sqrt(1 + 4 * b * b * q);
    }

    /**
     * [(1+2b²q11)(1+2b²q22) − 4b⁴q12²]/m² = 1/m² + 2(x11 + x22)/m + 4·(x11x22 − x12²) with x = b²q/m,
     * m a power of two (exact): no overflow for any finite variance.
     */
    private double delta(double q11, double q12, double q22, double m) {
        double b2 = b * b;
        double x11 = b2 * q11 / m, x12 = b2 * q12 / m, x22 = b2 * q22 / m;
        return 1 / (m * m) + 2 * (x11 + x22) / m + 4 * Math.max(0, Angles.determinant(x11, x12, x22));
    }
}
